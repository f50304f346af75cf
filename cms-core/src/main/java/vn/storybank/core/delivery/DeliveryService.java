package vn.storybank.core.delivery;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import vn.storybank.core.channel.ChannelQueries;
import vn.storybank.core.channel.ChannelService;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryQueries;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.entry.TranslationQueries;
import vn.storybank.core.entrytype.EntryTypes;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.persistence.Page;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.tenant.Tenant;
import vn.storybank.core.tenant.TenantQueries;

/**
 * The published-only read side: items by id or slug and lists newest first, for a tenant or through
 * one of its channels. What may be shown is decided by {@link Availability} alone.
 */
public final class DeliveryService {
  /** Rows one list request looks at at most, so that a narrow filter cannot scan the bank. */
  private static final int MAX_SCAN = 2_000;

  private final Transactions transactions;
  private final Clock clock;
  private final Settled<Ask, Scope> scopes;
  private final Settled<List<String>, ChannelView> channels;
  private final Settled<String, Map<String, String>> tenantNames;

  /**
   * @param head the change-log position this node knows of, by which the tenant's and channels'
   *     settings read for one request are kept for the next
   */
  public DeliveryService(Transactions transactions, Clock clock, LongSupplier head) {
    this.transactions = transactions;
    this.clock = clock;
    this.scopes = new Settled<>(head);
    this.channels = new Settled<>(head);
    this.tenantNames = new Settled<>(head);
  }

  /** The tenant's name by locale, in locale order (404 for an unknown tenant). */
  public Map<String, String> tenantNames(String tenant) {
    return tenantNames.get(
        tenant,
        () ->
            transactions.read(
                em ->
                    java.util.Collections.unmodifiableMap(
                        new java.util.LinkedHashMap<>(
                            new TenantQueries(em).require(tenant).names()))));
  }

  /** A reader's question: which tenant, through which channel (or none), in which locale. */
  public record Ask(String tenant, String channel, String locale, String acceptLanguage) {}

  /** The channel's settings (404 for an unknown tenant or channel). */
  public ChannelView channel(String tenant, String code) {
    return channels.get(
        List.of(tenant, code),
        () -> transactions.read(em -> ChannelService.require(em, tenant, code).view()));
  }

  /** The locale a reader gets for this question (404 when the tenant or channel lacks it). */
  public String locale(Ask ask) {
    return transactions.read(em -> scope(em, ask).locale);
  }

  /** One entry by id or slug, in the asked locale or along its fallbacks; 404 when not live. */
  public DeliveredItem item(Ask ask, EntryType type, String idOrSlug) {
    return transactions.read(
        em -> {
          Scope scope = scope(em, ask);
          Entry entry = find(em, ask.tenant(), type, idOrSlug, scope.chain);
          ItemBuilder builder = scope.builder(em, clock.instant());
          DeliveredItem item =
              entry == null
                      || !Availability.inFilter(entry, scope.channel)
                      || !builder.deliverable(entry)
                  ? null
                  : builder.build(entry, scope.locale, scope.chain);
          if (item == null) {
            throw StorybankException.notFound(
                "There is no published "
                    + type.code()
                    + " '"
                    + idOrSlug
                    + "' in "
                    + String.join(" or ", scope.chain)
                    + (scope.channel == null ? "" : " in channel " + scope.channel.code())
                    + ".");
          }
          return item;
        });
  }

  /**
   * A page of live entries, newest publication first: each entry once, at the time its served
   * translation was published.
   *
   * @param type one entry type, or null for every type the channel carries
   * @param kind a story kind, product group, media type or purpose, or null
   */
  public Page<DeliveredItem> list(Ask ask, EntryType type, String kind, String cursor, int limit) {
    FeedCursor after = FeedCursor.decode(cursor);
    return transactions.read(
        em -> {
          Scope scope = scope(em, ask);
          Instant now = clock.instant();
          ItemBuilder builder = scope.builder(em, now);
          List<DeliveredItem> items = new ArrayList<>();
          FeedCursor position = after;
          int scanned = 0;
          int batch = Math.min(MAX_SCAN, limit * 2 + 10);
          while (items.size() < limit && scanned < MAX_SCAN) {
            List<Object[]> rows = rows(em, ask.tenant(), scope, type, position, batch, now);
            if (rows.isEmpty()) {
              return new Page<>(List.copyOf(items), null);
            }
            // Each entry is listed once: at the row of the translation it is served in. What is
            // live of the rows' entries says which rows those are, before any entry is read.
            builder.knowLive(rows.stream().map(row -> (UUID) row[0]).toList());
            List<Object[]> served = new ArrayList<>();
            for (Object[] row : rows) {
              ItemBuilder.Live live = builder.served((UUID) row[0], scope.chain);
              if (live != null && live.locale().equals(row[1])) {
                served.add(row);
              }
            }
            // Entries are read as many at a time as the page still lacks: a filter that rejects
            // some costs another round, never entries that the page does not show.
            int next = 0;
            while (next < served.size() && items.size() < limit) {
              List<Object[]> chunk =
                  served.subList(next, Math.min(served.size(), next + limit - items.size()));
              next += chunk.size();
              Map<UUID, Entry> entries = load(em, chunk);
              builder.prefetch(entries.values());
              for (Object[] row : chunk) {
                Entry entry = entries.get((UUID) row[0]);
                if (entry == null
                    || !Availability.inFilter(entry, scope.channel)
                    || (kind != null && !kind.equals(EntryTypes.kind(entry)))
                    || !builder.deliverable(entry)) {
                  continue;
                }
                DeliveredItem item = builder.build(entry, scope.locale, scope.chain);
                if (item == null || !item.locale().equals(row[1])) {
                  continue; // deleted while this page was read
                }
                items.add(item);
                if (items.size() == limit) {
                  position = new FeedCursor((Instant) row[2], (UUID) row[0]);
                  return new Page<>(List.copyOf(items), position.encode());
                }
              }
            }
            scanned += rows.size();
            Object[] last = rows.get(rows.size() - 1);
            position = new FeedCursor((Instant) last[2], (UUID) last[0]);
            if (rows.size() < batch) {
              return new Page<>(List.copyOf(items), null);
            }
          }
          return new Page<>(List.copyOf(items), position.encode());
        });
  }

  /** An entry's pages for a sitemap: the slug of each live translation. */
  public record SitemapEntry(
      EntryType type,
      UUID id,
      Instant updatedAt,
      String defaultLocale,
      Map<String, String> slugs) {}

  private static final List<String> PAGE_TYPES = List.of("story", "product", "collection");

  /** How many entries have at least one live translation (stories, products, collections). */
  public long sitemapSize(String tenant) {
    return transactions.read(
        em -> {
          new TenantQueries(em).require(tenant);
          return new TranslationQueries(em).liveEntryCount(tenant, PAGE_TYPES, clock.instant());
        });
  }

  /** The tenant's number of locales: a sitemap file holds 50,000 URLs, one per entry and locale. */
  public int localeCount(String tenant) {
    return transactions.read(em -> new TenantQueries(em).require(tenant).locales().size());
  }

  /** Entries with live translations, in id order, from {@code offset}. */
  public List<SitemapEntry> sitemap(String tenant, int offset, int limit) {
    return transactions.read(
        em -> {
          Tenant owner = new TenantQueries(em).require(tenant);
          TranslationQueries translations = new TranslationQueries(em);
          List<UUID> ids =
              translations.liveEntries(tenant, PAGE_TYPES, clock.instant(), offset, limit);
          if (ids.isEmpty()) {
            return List.<SitemapEntry>of();
          }
          Map<UUID, Entry> entries = new HashMap<>();
          new EntryQueries(em).byIds(ids).forEach(e -> entries.put(e.id(), e));
          List<SitemapEntry> result = new ArrayList<>();
          Map<UUID, Map<String, String>> liveSlugs = translations.liveSlugs(ids, clock.instant());
          for (UUID id : ids) {
            Entry entry = entries.get(id);
            Map<String, String> slugs = liveSlugs.getOrDefault(id, Map.of());
            if (slugs.isEmpty()) {
              continue;
            }
            String defaultLocale =
                slugs.containsKey(owner.sourceLocale())
                    ? owner.sourceLocale()
                    : slugs.keySet().iterator().next();
            result.add(
                new SitemapEntry(
                    entry.entryType(), id, entry.audit().updatedAt(), defaultLocale, slugs));
          }
          return result;
        });
  }

  /** The live entries among these ids, as served in the asked scope (for {@code include}). */
  public Map<UUID, DeliveredItem> items(Ask ask, java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return transactions.read(
        em -> {
          Scope scope = scope(em, ask);
          Instant now = clock.instant();
          List<Entry> entries = new EntryQueries(em).ofTenant(ask.tenant(), ids);
          ItemBuilder builder = scope.builder(em, now).prefetch(entries);
          Map<UUID, DeliveredItem> found = new java.util.LinkedHashMap<>();
          for (Entry entry : entries) {
            if (builder.visible(entry, scope.chain)) {
              DeliveredItem item = builder.build(entry, scope.locale, scope.chain);
              if (item != null) {
                found.put(entry.id(), item);
              }
            }
          }
          return found;
        });
  }

  /**
   * The next rows of the chain's published translations, newest first: one index range scan per
   * locale, merged here (a single query over several locales would sort them all).
   */
  private static List<Object[]> rows(
      EntityManager em,
      String tenant,
      Scope scope,
      EntryType type,
      FeedCursor after,
      int max,
      Instant now) {
    List<String> types = new ArrayList<>();
    if (type != null) {
      types.add(type.code());
    } else if (scope.channel != null) {
      types.addAll(scope.channel.filter().types());
    }
    List<Object[]> merged = new ArrayList<>();
    for (String locale : scope.chain) {
      merged.addAll(
          new TranslationQueries(em)
              .publishedFeed(
                  tenant,
                  locale,
                  types,
                  after == null ? null : after.publishedAt(),
                  after == null ? null : after.id(),
                  max,
                  now));
    }
    merged.sort(
        java.util.Comparator.comparing((Object[] row) -> (Instant) row[2])
            .thenComparing(row -> (UUID) row[0], DeliveryService::compareAsDatabase)
            .reversed());
    return merged.size() > max ? List.copyOf(merged.subList(0, max)) : merged;
  }

  /** UUIDs in the order H2 and PostgreSQL sort them: as unsigned bytes, unlike UUID.compareTo. */
  static int compareAsDatabase(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  private static Map<UUID, Entry> load(EntityManager em, List<Object[]> rows) {
    LinkedHashSet<UUID> ids = new LinkedHashSet<>();
    rows.forEach(row -> ids.add((UUID) row[0]));
    Map<UUID, Entry> entries = new HashMap<>();
    new EntryQueries(em).byIds(ids).forEach(e -> entries.put(e.id(), e));
    return entries;
  }

  private static Entry find(
      EntityManager em, String tenant, EntryType type, String idOrSlug, List<String> chain) {
    UUID id = null;
    try {
      id = UUID.fromString(idOrSlug);
    } catch (IllegalArgumentException notAnId) {
      // a slug
    }
    if (id != null) {
      Entry entry = em.find(Entry.class, id);
      return entry != null && entry.tenant().equals(tenant) && entry.entryType() == type
          ? entry
          : null;
    }
    // The slug readers know is the live revision's; an editor's new slug counts once published.
    List<Object[]> matches =
        new TranslationQueries(em).entriesByLiveSlug(tenant, type.code(), idOrSlug);
    // A slug is unique per locale; when two locales' slugs collide, the asked locale wins.
    for (String locale : chain) {
      for (Object[] match : matches) {
        if (locale.equals(match[1])) {
          return (Entry) match[0];
        }
      }
    }
    return matches.isEmpty() ? null : (Entry) matches.get(0)[0];
  }

  /** The channel (or none), the locale served and the chain of locales tried for it. */
  static final class Scope {
    final ChannelView channel;
    final String locale;
    final List<String> chain;

    /**
     * Without a channel: the tenant's public channels (media restricted to channels, see {@link
     * Availability#shown}).
     */
    final Set<String> publicChannels;

    Scope(ChannelView channel, String locale, List<String> chain, Set<String> publicChannels) {
      this.channel = channel;
      this.locale = locale;
      this.chain = chain;
      this.publicChannels = publicChannels;
    }

    ItemBuilder builder(EntityManager em, Instant now) {
      return new ItemBuilder(em, now, channel, publicChannels, List.of(chain));
    }
  }

  private Scope scope(EntityManager em, Ask ask) {
    return scopes.get(ask, () -> readScope(em, ask));
  }

  private static Scope readScope(EntityManager em, Ask ask) {
    if (ask.channel() != null) {
      ChannelView channel = ChannelService.require(em, ask.tenant(), ask.channel()).view();
      List<String> served = channel.locales().stream().map(l -> l.tag()).toList();
      String locale =
          Locales.pick(ask.locale(), ask.acceptLanguage(), served, "channel " + channel.code());
      return new Scope(channel, locale, channel.chain(locale), Set.of());
    }
    Tenant tenant = new TenantQueries(em).require(ask.tenant());
    List<String> served = new ArrayList<>();
    served.add(tenant.sourceLocale());
    tenant
        .locales()
        .forEach(
            l -> {
              if (!served.contains(l.locale())) {
                served.add(l.locale());
              }
            });
    String locale =
        Locales.pick(ask.locale(), ask.acceptLanguage(), served, "tenant " + tenant.code());
    Set<String> publicChannels = Set.copyOf(new ChannelQueries(em).publicCodes(tenant.code()));
    return new Scope(null, locale, tenant.fallbackChain(locale), publicChannels);
  }
}
