package vn.storybank.core.snapshot;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.storybank.core.account.Actor;
import vn.storybank.core.channel.ChannelService;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryQueries;
import vn.storybank.core.entry.RevisionId;
import vn.storybank.core.entry.RichText;
import vn.storybank.core.entry.Translation;
import vn.storybank.core.entry.TranslationQueries;
import vn.storybank.core.entry.TranslationRevision;
import vn.storybank.core.entrytype.EntryTypes;
import vn.storybank.core.media.MediaAsset;
import vn.storybank.core.media.MediaQueries;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.taxonomy.GeoPoint;
import vn.storybank.core.taxonomy.TaxonomyService;
import vn.storybank.core.taxonomy.Term;
import vn.storybank.core.taxonomy.TermIndex;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.taxonomy.TermView;
import vn.storybank.core.tenant.Tenant;
import vn.storybank.core.tenant.TenantService;
import vn.storybank.core.tenant.TenantView;

/** Reads entries and tenants as snapshots for the read models kept outside the database. */
public final class SnapshotService implements Snapshots {
  /**
   * Who reads a tenant's settings, terms and channels for the search index and webhooks: the
   * process itself, following the change log on behalf of no user.
   */
  private static final Actor READ_MODEL = Actor.system("read-model");

  private static final List<String> MEDIA_ROLES = List.of("heroMedia", "media", "poster");

  private final Transactions transactions;
  private final Clock clock;
  private final TenantService tenants;
  private final TaxonomyService taxonomies;
  private final ChannelService channels;

  public SnapshotService(
      Transactions transactions,
      Clock clock,
      TenantService tenants,
      TaxonomyService taxonomies,
      ChannelService channels) {
    this.transactions = transactions;
    this.clock = clock;
    this.tenants = tenants;
    this.taxonomies = taxonomies;
    this.channels = channels;
  }

  @Override
  public TenantSnapshot tenant(String code) {
    TenantView view = tenants.get(code, READ_MODEL);
    Map<TermKind, List<TermView>> terms = new EnumMap<>(TermKind.class);
    for (TermKind kind : TermKind.values()) {
      terms.put(kind, taxonomies.list(code, kind, READ_MODEL));
    }
    Set<String> publicChannels =
        channels.list(code, READ_MODEL).stream()
            .filter(ChannelView::isPublic)
            .map(ChannelView::code)
            .collect(Collectors.toUnmodifiableSet());
    return new TenantSnapshot(view, Collections.unmodifiableMap(terms), publicChannels);
  }

  /** The entries with these ids that exist; ids of deleted entries are simply absent. */
  @Override
  public List<EntrySnapshot> load(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return transactions.read(em -> snapshots(em, new EntryQueries(em).byIds(ids)));
  }

  /** Up to {@code limit} entries of every tenant with ids after {@code afterId}, in id order. */
  @Override
  public List<EntrySnapshot> page(UUID afterId, int limit) {
    return transactions.read(
        em -> {
          return snapshots(em, new EntryQueries(em).inIdOrder(Entry.class, null, afterId, limit));
        });
  }

  /** The ids of every entry of a tenant (its locale settings changed: they all need a look). */
  @Override
  public List<UUID> entryIdsOfTenant(String tenant) {
    return transactions.read(em -> new EntryQueries(em).idsOfTenant(tenant));
  }

  /**
   * The ids of the entries that show any of these media assets (hero, media, poster): what they
   * show the public changes with the assets.
   */
  @Override
  public List<UUID> entryIdsShowing(Collection<UUID> mediaIds) {
    if (mediaIds.isEmpty()) {
      return List.of();
    }
    return transactions.read(em -> new EntryQueries(em).linking(mediaIds, MEDIA_ROLES));
  }

  /** The ids of the entries tagged with this term or one below it in its tree. */
  @Override
  public List<UUID> entryIdsWithTerm(UUID termId) {
    return transactions.read(
        em -> {
          Term term = em.find(Term.class, termId);
          if (term == null) {
            return List.of();
          }
          List<UUID> termIds =
              TermIndex.load(em, term.tenant()).withDescendants(term.kind(), term.code());
          return new EntryQueries(em).filedUnderAny(termIds);
        });
  }

  private List<EntrySnapshot> snapshots(EntityManager em, List<Entry> entries) {
    Map<String, Tenant> tenants = new HashMap<>();
    Instant now = clock.instant();
    Map<RevisionId, TranslationRevision> live = liveRevisions(em, entries, now);
    Map<UUID, MediaAsset> media = linkedMedia(em, entries);
    List<EntrySnapshot> snapshots = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      Tenant tenant = tenants.computeIfAbsent(entry.tenant(), code -> em.find(Tenant.class, code));
      snapshots.add(snapshot(entry, tenant, live, publicMedia(entry, media, now), now));
    }
    return snapshots;
  }

  /** The media assets these entries show, in one query per 500. */
  private static Map<UUID, MediaAsset> linkedMedia(EntityManager em, List<Entry> entries) {
    List<UUID> ids =
        entries.stream()
            .flatMap(e -> MEDIA_ROLES.stream().flatMap(role -> e.links(role).stream()))
            .distinct()
            .toList();
    Map<UUID, MediaAsset> found = new HashMap<>();
    for (int from = 0; from < ids.size(); from += 500) {
      new MediaQueries(em)
          .byIds(ids.subList(from, Math.min(ids.size(), from + 500)))
          .forEach(m -> found.put(m.id(), m));
    }
    return found;
  }

  private static List<EntrySnapshot.ShownMedia> publicMedia(
      Entry entry, Map<UUID, MediaAsset> linked, Instant now) {
    List<MediaAsset> shown = new ArrayList<>();
    MediaAsset self = EntryTypes.asMedia(entry);
    if (self != null) {
      shown.add(self);
    }
    for (String role : MEDIA_ROLES) {
      for (UUID id : entry.links(role)) {
        MediaAsset asset = linked.get(id);
        if (asset != null && asset.tenant().equals(entry.tenant())) {
          shown.add(asset);
        }
      }
    }
    return shown.stream()
        .filter(
            m ->
                m.isLiveSomewhere(now)
                    && m.file() != null
                    && !(m.peopleIdentifiable() && !m.consentObtained()))
        .map(
            m -> new EntrySnapshot.ShownMedia(m.rightsExpireAt(), List.copyOf(m.channelsAllowed())))
        .distinct()
        .toList();
  }

  /**
   * The live revision rows of these entries' translations that were edited since they went live, in
   * one query per 500 entries. A translation whose working revision is the live one shows its own
   * text: reading its revision row too doubled what a rebuild reads from the database.
   */
  private static Map<RevisionId, TranslationRevision> liveRevisions(
      EntityManager em, List<Entry> entries, Instant now) {
    List<UUID> ids =
        entries.stream()
            .filter(e -> e.translations().values().stream().anyMatch(t -> editedSinceLive(t, now)))
            .map(Entry::id)
            .toList();
    Map<RevisionId, TranslationRevision> rows = new HashMap<>();
    for (int from = 0; from < ids.size(); from += 500) {
      new TranslationQueries(em)
          .liveRevisionsBehindWork(ids.subList(from, Math.min(ids.size(), from + 500)))
          .forEach(r -> rows.put(r.id(), r));
    }
    return rows;
  }

  private static boolean editedSinceLive(Translation t, Instant now) {
    return t.isLive(now) && t.liveRevision() != t.revision();
  }

  private static EntrySnapshot snapshot(
      Entry entry,
      Tenant tenant,
      Map<RevisionId, TranslationRevision> live,
      List<EntrySnapshot.ShownMedia> publicMedia,
      Instant now) {
    List<TermRef> terms = new ArrayList<>();
    Double latitude = null;
    Double longitude = null;
    for (Term term : entry.terms()) {
      terms.add(new TermRef(term.kind(), term.code(), ancestors(term), Map.copyOf(term.labels())));
      if (latitude == null && term.kind() == TermKind.PLACE && term.latitude() != null) {
        latitude = term.latitude();
        longitude = term.longitude();
      }
    }
    ZoneId zone = ZoneId.of(tenant.timeZone());
    LocalDate date = entry.audit().createdAt().atZone(zone).toLocalDate();
    LocalDate about = EntryTypes.date(entry, zone);
    if (about != null) {
      date = about;
    }
    GeoPoint place = EntryTypes.place(entry);
    if (place != null) {
      latitude = place.lat();
      longitude = place.lon();
    }
    Instant rightsExpireAt = null;
    boolean rightsBlocked = false;
    List<String> channels = List.of();
    boolean hasMedia = MEDIA_ROLES.stream().anyMatch(role -> !entry.links(role).isEmpty());
    MediaAsset media = EntryTypes.asMedia(entry);
    if (media != null) {
      rightsExpireAt = media.rightsExpireAt();
      rightsBlocked = media.peopleIdentifiable() && !media.consentObtained();
      channels = List.copyOf(media.channelsAllowed());
      hasMedia = true;
    }
    Map<String, Translation> translations = entry.translations();
    Translation source = translations.get(tenant.sourceLocale());
    List<TranslationSnapshot> texts = new ArrayList<>(translations.size());
    for (Translation t : translations.values()) {
      String plainBody = RichText.plainText(t.text().body());
      TranslationSnapshot.Live shown = null;
      if (editedSinceLive(t, now)) {
        TranslationRevision r = live.get(new RevisionId(entry.id(), t.locale(), t.liveRevision()));
        shown =
            r == null
                ? null
                : TranslationSnapshot.Live.of(
                    r.text(), RichText.plainText(r.text().body()), r.revision(), t.publishedAt());
      } else if (t.isLive(now)) {
        shown = TranslationSnapshot.Live.of(t.text(), plainBody, t.revision(), t.publishedAt());
      }
      texts.add(
          TranslationSnapshot.of(
              t.locale(),
              t.text(),
              plainBody,
              t.status(),
              t.publishedAt(),
              t.updatedAt(),
              stale(t, source),
              servesLocales(tenant, translations, t, now),
              shown));
    }
    return new EntrySnapshot(
        entry.id(),
        entry.tenant(),
        entry.entryType(),
        EntryTypes.kind(entry),
        List.copyOf(terms),
        latitude,
        longitude,
        date,
        EntryTypes.ocopStars(entry),
        rightsExpireAt,
        rightsBlocked,
        channels,
        hasMedia,
        publicMedia,
        entry.audit().createdAt(),
        entry.audit().updatedAt(),
        List.copyOf(texts));
  }

  private static List<String> ancestors(Term term) {
    List<String> ancestors = new ArrayList<>();
    for (Term parent = term.parent(); parent != null; parent = parent.parent()) {
      ancestors.add(0, parent.code());
    }
    return List.copyOf(ancestors);
  }

  /** As the entry's own JSON says it: the source moved on since the translation was made. */
  private static Boolean stale(Translation t, Translation source) {
    if (source == null || source == t) {
      return null;
    }
    return t.sourceRevision() == null || t.sourceRevision() < source.revision();
  }

  private static List<String> servesLocales(
      Tenant tenant, Map<String, Translation> translations, Translation translation, Instant now) {
    if (!translation.isLive(now)) {
      return List.of();
    }
    List<String> served = new ArrayList<>();
    for (String locale : tenant.localeTags()) {
      for (String candidate : tenant.fallbackChain(locale)) {
        Translation t = translations.get(candidate);
        if (t != null && t.isLive(now)) {
          if (t == translation) {
            served.add(locale);
          }
          break;
        }
      }
    }
    return List.copyOf(served);
  }
}
