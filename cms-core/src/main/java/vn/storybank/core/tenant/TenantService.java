package vn.storybank.core.tenant;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
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
    Valid valid = validate(code, input);
    Tenant tenant = em.find(Tenant.class, code);
    boolean created = tenant == null;
    TenantView before = created ? null : TenantView.of(tenant);
    if (created) {
      Versions.check(expectedVersion, 0, "Tenant " + code);
      tenant = new Tenant(code, Audit.created(actor.recordedName(), clock.instant()));
      tenant.replace(valid.input());
      em.persist(tenant);
    } else {
      Versions.check(expectedVersion, tenant.version(), "Tenant " + code);
      tenant.replace(valid.input());
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
    return new Saved<>(TenantView.of(tenant), created, valid.notices());
  }

  private record Valid(TenantInput input, List<Saved.Notice> notices) {}

  private static Valid validate(String code, TenantInput input) {
    Violations violations = new Violations();
    if (code == null || !CODE.matcher(code).matches() || RESERVED.contains(code)) {
      violations.add(
          "code",
          "must be 2-63 lower-case letters, digits or '-', starting with a letter, and not one of "
              + RESERVED);
    }
    List<Saved.Notice> notices = new ArrayList<>();
    Set<String> tags = new HashSet<>();
    List<LocaleInput> locales = new ArrayList<>();
    if (input.locales().isEmpty()) {
      violations.add("locales", "must list at least the source locale");
    }
    for (int i = 0; i < input.locales().size(); i++) {
      LocaleInput given = input.locales().get(i);
      String field = "locales[" + i + "]";
      String tag = LanguageTags.accept(field + ".tag", given.tag(), violations, notices);
      if (tag != null && !tags.add(tag)) {
        violations.add(field + ".tag", "'" + tag + "' is listed twice");
      }
      List<String> fallbacks = new ArrayList<>();
      for (String fallback : given.fallbacks()) {
        // A refused fallback is reported once, as such, not also as "not one of the locales".
        String canonical = LanguageTags.accept(field + ".fallbacks", fallback, violations, notices);
        if (canonical != null) {
          fallbacks.add(canonical);
        }
      }
      locales.add(new LocaleInput(tag == null ? given.tag() : tag, fallbacks));
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
    String source =
        input.sourceLocale() == null
            ? null
            : LanguageTags.accept("sourceLocale", input.sourceLocale(), violations, notices);
    if (input.sourceLocale() == null || (source != null && !tags.contains(source))) {
      violations.add("sourceLocale", "must be one of the tenant's locales");
    }
    Map<String, String> names = new LinkedHashMap<>();
    input
        .names()
        .forEach(
            (locale, name) -> {
              String tag = LanguageTags.accept("names." + locale, locale, violations, notices);
              if (tag != null && !tags.contains(tag)) {
                violations.add("names." + locale, "is not one of the tenant's locales");
              }
              violations.requireText("names." + locale, name, 300);
              if (tag != null && names.containsKey(tag)) {
                violations.add(
                    "names." + locale, "names the locale '" + tag + "' as another key does");
              }
              names.put(tag == null ? locale : tag, name);
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
    return new Valid(new TenantInput(names, source, locales, zone), notices);
  }
}
