package vn.storybank.core.channel;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.core.locale.LanguageTags;
import vn.storybank.core.persistence.Audit;
import vn.storybank.core.persistence.Saved;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.persistence.Versions;
import vn.storybank.core.tenant.Tenant;
import vn.storybank.core.tenant.TenantQueries;

/** Creates, changes, lists and deletes a tenant's channels. */
public final class ChannelService {
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,62}");
  private static final Set<String> ACCESS = Set.of("public", "key");
  private static final List<String> FORMATS =
      List.of("jsonfeed", "ninjs", "atom", "sync", "playlist");
  private static final Set<String> IMAGE_ROLES = Set.of("hero", "card", "thumb", "screen");

  private final Set<String> presets;
  private final Transactions transactions;
  private final ChangeLog changeLog;
  private final Clock clock;

  /**
   * @param presets the names of the rendition presets a channel may choose (given, not looked up:
   *     media checks channels, so channel must not know media)
   */
  public ChannelService(
      Transactions transactions, ChangeLog changeLog, Clock clock, Set<String> presets) {
    this.presets = Set.copyOf(presets);
    this.transactions = transactions;
    this.changeLog = changeLog;
    this.clock = clock;
  }

  /** The tenant's channels, for its members. */
  public List<ChannelView> list(String tenant, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_CONTENT);
          new TenantQueries(em).require(tenant);
          return new ChannelQueries(em).ofTenant(tenant).stream().map(Channel::view).toList();
        });
  }

  /** One channel, for the tenant's members. */
  public ChannelView get(String tenant, String code, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_CONTENT);
          return require(em, tenant, code).view();
        });
  }

  /** The channel, or a 404 that names it (and the tenant, when that is what is unknown). */
  public static Channel require(EntityManager em, String tenant, String code) {
    new TenantQueries(em).require(tenant);
    return new ChannelQueries(em)
        .byCode(tenant, code)
        .orElseThrow(
            () ->
                StorybankException.notFound(
                    "Tenant " + tenant + " has no channel '" + code + "'."));
  }

  /** Creates the channel or replaces its settings. */
  public Saved<ChannelView> put(
      String tenant, String code, ChannelInput input, Long expectedVersion, Actor actor) {
    return transactions.write(em -> put(em, tenant, code, input, expectedVersion, actor));
  }

  public Saved<ChannelView> put(
      EntityManager em,
      String tenant,
      String code,
      ChannelInput input,
      Long expectedVersion,
      Actor actor) {
    Access.require(em, actor, tenant, Action.TENANT_SETTINGS);
    Tenant owner = new TenantQueries(em).require(tenant);
    Valid valid = validate(owner, code, input);
    Channel channel = new ChannelQueries(em).byCode(tenant, code).orElse(null);
    boolean created = channel == null;
    if (created) {
      Versions.check(expectedVersion, 0, "Channel " + code);
      channel =
          new Channel(
              idOf(tenant, code),
              tenant,
              code,
              Audit.created(actor.recordedName(), clock.instant()));
      channel.replace(valid.input());
      em.persist(channel);
    } else {
      Versions.check(expectedVersion, channel.version(), "Channel " + code);
      channel.replace(valid.input());
      channel.audit().touch(actor.recordedName(), clock.instant());
    }
    em.flush();
    AuditLog.record(
        em,
        clock,
        actor,
        created ? AuditLog.CHANNEL_CREATED : AuditLog.CHANNEL_CHANGED,
        tenant,
        "channel " + code,
        null);
    changeLog.append(
        em,
        new Change(
            tenant,
            "channel",
            channel.id(),
            null,
            created ? Operation.CREATE : Operation.UPDATE,
            channel.version()),
        actor.recordedName());
    return new Saved<>(channel.view(), created, valid.notices());
  }

  public void delete(String tenant, String code, Long expectedVersion, Actor actor) {
    transactions.write(
        em -> {
          Access.require(em, actor, tenant, Action.TENANT_SETTINGS);
          Channel channel = require(em, tenant, code);
          Versions.check(expectedVersion, channel.version(), "Channel " + code);
          em.remove(channel);
          em.flush();
          AuditLog.record(
              em, clock, actor, AuditLog.CHANNEL_DELETED, tenant, "channel " + code, null);
          changeLog.append(
              em,
              new Change(
                  tenant, "channel", channel.id(), null, Operation.DELETE, channel.version()),
              actor.recordedName());
          return null;
        });
  }

  /** The same tenant and code always give the same id, so that every node and import agree. */
  private static UUID idOf(String tenant, String code) {
    return UUID.nameUUIDFromBytes(
        ("channel:" + tenant + ":" + code).getBytes(StandardCharsets.UTF_8));
  }

  private record Valid(ChannelInput input, List<Saved.Notice> notices) {}

  private Valid validate(Tenant tenant, String code, ChannelInput input) {
    Violations v = new Violations();
    if (code == null || !CODE.matcher(code).matches()) {
      v.add("code", "must be 2-63 lower-case letters, digits or '-', starting with a letter");
    }
    v.requireText("name", input.name(), 200);
    String access = input.access() == null ? "public" : input.access();
    if (!ACCESS.contains(access)) {
      v.add("access", "must be 'public' or 'key' (partners need an API key)");
    }
    Set<String> tenantLocales = new HashSet<>();
    tenant.locales().forEach(l -> tenantLocales.add(l.locale()));
    List<ChannelInput.LocaleInput> locales = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Saved.Notice> notices = new ArrayList<>();
    if (input.locales().isEmpty()) {
      v.add("locales", "must list at least one locale, such as {\"tag\": \"vi\"}");
    }
    for (int i = 0; i < input.locales().size(); i++) {
      ChannelInput.LocaleInput l = input.locales().get(i);
      String field = "locales[" + i + "]";
      String tag = tenantLocale(field + ".tag", l.tag(), tenantLocales, v, notices);
      if (tag == null) {
        continue;
      }
      if (!seen.add(tag)) {
        v.add(field + ".tag", "'" + tag + "' is listed twice");
      }
      List<String> fallbacks = new ArrayList<>();
      for (String f : l.fallbacks()) {
        String canonical = tenantLocale(field + ".fallbacks", f, tenantLocales, v, notices);
        if (canonical != null && canonical.equals(tag)) {
          v.add(field + ".fallbacks", "'" + f + "' must be another of the tenant's locales");
        } else if (canonical != null && !fallbacks.contains(canonical)) {
          fallbacks.add(canonical);
        }
      }
      if (l.translatedOnly() && !fallbacks.isEmpty()) {
        v.add(field + ".fallbacks", "must be empty when translatedOnly is true");
      }
      locales.add(new ChannelInput.LocaleInput(tag, fallbacks, l.translatedOnly()));
    }
    ChannelInput.Filter filter = input.filter();
    for (String type : filter.types()) {
      if (java.util.Arrays.stream(EntryType.values()).noneMatch(t -> t.code().equals(type))) {
        v.add(
            "filter.types",
            "'" + type + "' is not an entry type (story, product, media, collection)");
      }
    }
    Map<String, String> presets = new LinkedHashMap<>();
    input
        .presets()
        .forEach(
            (role, preset) -> {
              if (!IMAGE_ROLES.contains(role)) {
                v.add("presets." + role, "is not an image role; use one of " + sorted(IMAGE_ROLES));
              } else if (!this.presets.contains(preset)) {
                v.add(
                    "presets." + role,
                    "'" + preset + "' is not a preset; use one of " + sorted(this.presets));
              } else {
                presets.put(role, preset);
              }
            });
    List<String> formats =
        input.formats().isEmpty() ? List.of("jsonfeed", "ninjs", "atom", "sync") : input.formats();
    for (String format : formats) {
      if (!FORMATS.contains(format)) {
        v.add("formats", "'" + format + "' is not a format; use some of " + FORMATS);
      }
    }
    // Each list is kept joined in one column (V4 migration).
    v.maxJoinedLength("filter.types", filter.types(), 200);
    v.maxJoinedLength("filter.kinds", filter.kinds(), 2000);
    v.maxJoinedLength("filter.pillars", filter.pillars(), 2000);
    v.maxJoinedLength("filter.topics", filter.topics(), 2000);
    for (String value : concat(filter)) {
      if (value == null || value.isBlank() || value.contains(",")) {
        v.add("filter", "values must be non-empty codes without commas");
        break;
      }
    }
    v.throwIfAny();
    return new Valid(
        new ChannelInput(
            input.name().strip(),
            access,
            locales,
            filter,
            presets,
            List.copyOf(new java.util.LinkedHashSet<>(formats))),
        notices);
  }

  /**
   * One of the tenant's locales, named by its stored spelling or a valid tag whose canonical form
   * it is; null after adding why not to the violations.
   */
  private static String tenantLocale(
      String field,
      String given,
      Set<String> tenantLocales,
      Violations v,
      List<Saved.Notice> notices) {
    if (given != null && tenantLocales.contains(given)) {
      return given;
    }
    LanguageTags.Checked checked = LanguageTags.check(given);
    if (!checked.valid()) {
      v.add(field, checked.problem());
      return null;
    }
    if (!tenantLocales.contains(checked.tag())) {
      v.add(field, "'" + given + "' is not one of the tenant's locales " + sorted(tenantLocales));
      return null;
    }
    if (checked.change() != null) {
      notices.add(new Saved.Notice(field, given, checked.tag(), checked.change()));
    }
    return checked.tag();
  }

  private static List<String> concat(ChannelInput.Filter f) {
    List<String> all = new ArrayList<>(f.types());
    all.addAll(f.kinds());
    all.addAll(f.pillars());
    all.addAll(f.topics());
    return all;
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  /** The entity classes of this package, for the persistence unit. */
  public static List<Class<?>> entityClasses() {
    return List.of(Channel.class);
  }
}
