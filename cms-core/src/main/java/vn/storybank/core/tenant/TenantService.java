package vn.storybank.core.tenant;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Actor;
import vn.storybank.core.account.AuditLog;
import vn.storybank.core.changelog.Change;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.changelog.Operation;
import vn.storybank.core.error.Violations;
import vn.storybank.core.locale.LanguageTags;
import vn.storybank.core.persistence.Audit;
import vn.storybank.core.persistence.Saved;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.persistence.Versions;
import vn.storybank.core.tenant.TenantInput.LocaleInput;

/** Creates, changes and finds tenants. */
public final class TenantService {
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,62}");

  /** Path segments under /api/admin/v1 that are not tenants. */
  private static final Set<String> RESERVED =
      Set.of("users", "tenants", "me", "health", "audit", "session");

  private final Transactions transactions;
  private final ChangeLog changeLog;
  private final Clock clock;

  public TenantService(Transactions transactions, ChangeLog changeLog, Clock clock) {
    this.transactions = transactions;
    this.changeLog = changeLog;
    this.clock = clock;
  }

  /** The tenants the actor is a member of (all of them for the super-admin). */
  public List<TenantView> list(Actor actor) {
    return transactions.read(
        em -> {
          List<String> visible = Access.tenantsAllowing(em, actor, Action.READ_PUBLISHED);
          return new TenantQueries(em)
              .all().stream()
                  .filter(t -> visible == null || visible.contains(t.code()))
                  .map(TenantView::of)
                  .toList();
        });
  }

  public TenantView get(String code, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, code, Action.READ_PUBLISHED);
          return TenantView.of(new TenantQueries(em).require(code));
        });
  }

  /**
   * The tenant, or a 404 that names it: the {@code account.Tenants} seam through which accounts and
   * the change log, which sit below tenants, find them ({@code Storybank} wires it); code in and
   * above this package asks {@link TenantQueries}.
   */
  public static Tenant require(EntityManager em, String code) {
    return new TenantQueries(em).require(code);
  }

  /** Creates the tenant or replaces its settings. */
  public Saved<TenantView> put(String code, TenantInput input, Long expectedVersion, Actor actor) {
    return transactions.write(
        em -> {
          Access.require(em, actor, code, Action.TENANT_SETTINGS);
          return put(em, code, input, expectedVersion, actor);
        });
  }

  /** Creates or replaces the tenant in the caller's transaction (import). */
  public Saved<TenantView> put(
      EntityManager em, String code, TenantInput input, Long expectedVersion, Actor actor) {
    TenantInput valid = validate(code, input);
    Tenant tenant = em.find(Tenant.class, code);
    boolean created = tenant == null;
    TenantView before = created ? null : TenantView.of(tenant);
    if (created) {
      Versions.check(expectedVersion, 0, "Tenant " + code);
      tenant = new Tenant(code, Audit.created(actor.recordedName(), clock.instant()));
      tenant.replace(valid);
      em.persist(tenant);
    } else {
      Versions.check(expectedVersion, tenant.version(), "Tenant " + code);
      tenant.replace(valid);
      tenant.audit().touch(actor.recordedName(), clock.instant());
    }
    em.flush();
    TenantView after = TenantView.of(tenant);
    AuditLog.record(
        em,
        clock,
        actor,
        created ? AuditLog.TENANT_CREATED : AuditLog.TENANT_SETTINGS_CHANGED,
        code,
        "tenant " + code,
        TenantSettingsDiff.of(before, after));
    changeLog.append(
        em,
        new Change(
            code,
            "tenant",
            UUID.nameUUIDFromBytes(code.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            null,
            created ? Operation.CREATE : Operation.UPDATE,
            tenant.version()),
        actor.recordedName());
    return new Saved<>(TenantView.of(tenant), created);
  }

  private static TenantInput validate(String code, TenantInput input) {
    Violations violations = new Violations();
    if (code == null || !CODE.matcher(code).matches() || RESERVED.contains(code)) {
      violations.add(
          "code",
          "must be 2-63 lower-case letters, digits or '-', starting with a letter, and not one of "
              + RESERVED);
    }
    Set<String> tags = new HashSet<>();
    List<LocaleInput> locales =
        input.locales().stream()
            .map(
                l ->
                    new LocaleInput(
                        LanguageTags.canonical(l.tag()).orElse(l.tag()),
                        l.fallbacks().stream()
                            .map(f -> LanguageTags.canonical(f).orElse(f))
                            .toList()))
            .toList();
    if (locales.isEmpty()) {
      violations.add("locales", "must list at least the source locale");
    }
    for (int i = 0; i < locales.size(); i++) {
      String tag = locales.get(i).tag();
      if (LanguageTags.canonical(tag).isEmpty()) {
        violations.add("locales[" + i + "].tag", "'" + tag + "' is not a well-formed BCP 47 tag");
      } else if (!tags.add(tag)) {
        violations.add("locales[" + i + "].tag", "'" + tag + "' is listed twice");
      }
    }
    for (int i = 0; i < locales.size(); i++) {
      for (String fallback : locales.get(i).fallbacks()) {
        if (!tags.contains(fallback) || fallback.equals(locales.get(i).tag())) {
          violations.add(
              "locales[" + i + "].fallbacks",
              "'" + fallback + "' must be another of the tenant's locales");
        }
      }
    }
    String source = LanguageTags.canonical(input.sourceLocale()).orElse(input.sourceLocale());
    if (source == null || !tags.contains(source)) {
      violations.add("sourceLocale", "must be one of the tenant's locales");
    }
    Map<String, String> names = new LinkedHashMap<>();
    input
        .names()
        .forEach(
            (locale, name) -> {
              String tag = LanguageTags.canonical(locale).orElse(locale);
              if (!tags.contains(tag)) {
                violations.add("names." + locale, "is not one of the tenant's locales");
              }
              violations.requireText("names." + locale, name, 300);
              names.put(tag, name);
            });
    if (source != null && !names.containsKey(source)) {
      violations.add("names", "must include a name in the source locale");
    }
    String zone = input.timeZone() == null ? "Asia/Ho_Chi_Minh" : input.timeZone();
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      violations.add("timeZone", "'" + zone + "' is not a known time zone (e.g. Asia/Ho_Chi_Minh)");
    }
    violations.throwIfAny();
    return new TenantInput(names, source, locales, zone);
  }
}
