package vn.storybank.core.delivery;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryQueries;
import vn.storybank.core.entry.RevisionId;
import vn.storybank.core.entry.TranslationQueries;
import vn.storybank.core.entry.TranslationRevision;
import vn.storybank.core.entrytype.EntryTypes;
import vn.storybank.core.media.MediaAsset;
import vn.storybank.core.media.MediaFileView;
import vn.storybank.core.media.MediaQueries;
import vn.storybank.core.taxonomy.GeoPoint;
import vn.storybank.core.taxonomy.Term;

/**
 * Turns entries into {@link DeliveredItem}s within one read transaction. What it needs besides the
 * entries is read in a few queries per batch, and only that: which translations are live (with
 * their slugs, no text), the live text of the translation each entry is served in and of its
 * media's captions, the media and the entries they link to. The entries' translations are never
 * touched: loading them read every locale's working text, bodies included, for a list that shows
 * one.
 */
final class ItemBuilder {
  /** Link roles that point at media assets, and the role name readers see. */
  private static final List<Map.Entry<String, String>> MEDIA_ROLES =
      List.of(
          Map.entry("heroMedia", "hero"),
          Map.entry("media", "media"),
          Map.entry("poster", "poster"));

  private static final List<String> RELATED_ROLES =
      List.of("relatedStories", "relatedProducts", "stories", "items");

  /** Ids per statement, well below what H2 and PostgreSQL accept. */
  private static final int CHUNK = 500;

  /** A translation readers see now: its live revision, when it was published, the slug. */
  record Live(String locale, long revision, Instant publishedAt, String slug) {}

  private final EntityManager em;
  private final Instant now;
  private final ChannelView channel;
  private final Set<String> publicChannels;
  private final List<List<String>> chains;
  private final Map<UUID, MediaAsset> media = new HashMap<>();
  private final Map<UUID, Entry> related = new HashMap<>();
  private final Set<UUID> relatedLoaded = new HashSet<>();
  // By entry, in locale order (the order readers see the available locales in).
  private final Map<UUID, SortedMap<String, Live>> live = new HashMap<>();
  private final Map<RevisionId, TranslationRevision> texts = new HashMap<>();

  /**
   * @param chains the locale chains {@link #build} will be asked for, so that {@link #prefetch}
   *     reads the texts they serve (another chain costs a query per entry)
   * @param publicChannels the tenant's public channel codes, for delivery without a channel
   */
  ItemBuilder(
      EntityManager em,
      Instant now,
      ChannelView channel,
      Set<String> publicChannels,
      List<List<String>> chains) {
    this.em = em;
    this.now = now;
    this.channel = channel;
    this.publicChannels = publicChannels;
    this.chains = chains;
  }

  /**
   * Reads what building the entries needs — the media they link to, the entries they refer to
   * (whose live translations say whether the reader may open them), what is live of all of them,
   * and the texts served — so that building them needs no further query.
   */
  ItemBuilder prefetch(Collection<? extends Entry> entries) {
    Set<UUID> ids = new HashSet<>();
    Set<UUID> references = new HashSet<>();
    for (Entry entry : entries) {
      MEDIA_ROLES.forEach(role -> ids.addAll(entry.links(role.getKey())));
      RELATED_ROLES.forEach(role -> references.addAll(entry.links(role)));
    }
    references.removeAll(relatedLoaded);
    if (!references.isEmpty()) {
      relatedLoaded.addAll(references);
      new EntryQueries(em).byIds(references).forEach(e -> related.put(e.id(), e));
    }
    ids.removeAll(media.keySet());
    if (!ids.isEmpty()) {
      new MediaQueries(em).byIds(ids).forEach(m -> media.put(m.id(), m));
    }
    Set<UUID> all = new HashSet<>(references);
    all.addAll(ids);
    entries.forEach(e -> all.add(e.id()));
    loadLive(all);
    Set<RevisionId> wanted = new HashSet<>();
    for (Entry entry : entries) {
      for (List<String> chain : chains) {
        Live served = served(entry, chain);
        if (served != null) {
          wanted.add(key(entry, served));
          List<String> captionChain = captionChain(served, chain);
          for (Map.Entry<String, String> role : MEDIA_ROLES) {
            for (UUID id : entry.links(role.getKey())) {
              MediaAsset asset = media.get(id);
              Live caption = asset == null ? null : served(asset, captionChain);
              if (caption != null) {
                wanted.add(key(asset, caption));
              }
            }
          }
        }
      }
    }
    loadTexts(wanted);
    return this;
  }

  /** What is live of these entries, for those not read yet (an entry with nothing live: empty). */
  private void loadLive(Collection<UUID> ids) {
    List<UUID> missing = ids.stream().distinct().filter(id -> !live.containsKey(id)).toList();
    for (int from = 0; from < missing.size(); from += CHUNK) {
      List<UUID> chunk = missing.subList(from, Math.min(missing.size(), from + CHUNK));
      chunk.forEach(id -> live.put(id, new TreeMap<>()));
      for (Object[] row : new TranslationQueries(em).liveRevisionSlugs(chunk, now)) {
        String locale = (String) row[1];
        live.get((UUID) row[0])
            .put(locale, new Live(locale, (Long) row[2], (Instant) row[3], (String) row[4]));
      }
    }
  }

  private void loadTexts(Set<RevisionId> ids) {
    List<RevisionId> missing = ids.stream().filter(id -> !texts.containsKey(id)).toList();
    for (int from = 0; from < missing.size(); from += CHUNK) {
      new TranslationQueries(em)
          .revisions(missing.subList(from, Math.min(missing.size(), from + CHUNK)))
          .forEach(r -> texts.put(r.id(), r));
    }
  }

  /** Reads what is live of these entries in one query, for {@link #served(UUID, List)}. */
  void knowLive(Collection<UUID> ids) {
    loadLive(ids);
  }

  private Map<String, Live> live(UUID id) {
    loadLive(List.of(id));
    return live.get(id);
  }

  private Map<String, Live> live(Entry entry) {
    return live(entry.id());
  }

  /** The translation of the entry readers see along the chain, or null when none is live. */
  Live served(UUID id, List<String> chain) {
    return Availability.served(live(id), chain);
  }

  private Live served(Entry entry, List<String> chain) {
    return served(entry.id(), chain);
  }

  /** Whether the entry itself may be delivered (see {@link Availability#deliverable}). */
  boolean deliverable(Entry entry) {
    return Availability.deliverable(entry, live(entry), now, channel, publicChannels);
  }

  /** Whether a reader may open the entry (see {@link Availability#visible}). */
  boolean visible(Entry entry, List<String> chain) {
    return Availability.visible(entry, live(entry), chain, now, channel, publicChannels);
  }

  /**
   * The text of a live translation; null only when the entry was deleted after its live state was
   * read (its revisions went with it), and the deletion's own change will report it.
   */
  private TranslationRevision text(Entry entry, Live served) {
    RevisionId key = key(entry, served);
    loadTexts(Set.of(key));
    return texts.get(key);
  }

  private static RevisionId key(Entry entry, Live live) {
    return new RevisionId(entry.id(), live.locale(), live.revision());
  }

  /** Captions of an entry's media: in the locale the entry is served in, else along its chain. */
  private static List<String> captionChain(Live served, List<String> chain) {
    List<String> captionChain = new ArrayList<>(chain);
    captionChain.add(0, served.locale());
    return captionChain;
  }

  /** The entry as served for the requested locale, or null when nothing along the chain is live. */
  DeliveredItem build(Entry entry, String requestedLocale, List<String> chain) {
    prefetch(List.of(entry));
    Live served = served(entry, chain);
    TranslationRevision text = served == null ? null : text(entry, served);
    if (text == null) {
      return null;
    }
    Map<String, String> available = new LinkedHashMap<>();
    live(entry).values().forEach(t -> available.put(t.locale(), t.slug()));
    List<String> labelChain = captionChain(served, chain);
    List<DeliveredItem.Label> labels = new ArrayList<>();
    for (Term term : entry.terms()) {
      labels.add(
          new DeliveredItem.Label(
              term.kind().pathSegment(),
              term.code(),
              label(term.labels(), labelChain, term.code()),
              term.latitude(),
              term.longitude()));
    }
    Double latitude = null;
    Double longitude = null;
    for (DeliveredItem.Label label : labels) {
      if (latitude == null && label.latitude() != null) {
        latitude = label.latitude();
        longitude = label.longitude();
      }
    }
    GeoPoint place = EntryTypes.place(entry);
    if (place != null) {
      latitude = place.lat();
      longitude = place.lon();
    }
    List<DeliveredItem.DeliveredMedia> shown = new ArrayList<>();
    MediaAsset self = EntryTypes.asMedia(entry);
    if (self != null && self.file() != null) {
      shown.add(media(self, "self", text));
    }
    for (Map.Entry<String, String> role : MEDIA_ROLES) {
      for (UUID id : entry.links(role.getKey())) {
        MediaAsset asset = media.get(id);
        if (asset != null
            && asset.file() != null
            && Availability.shown(asset, !live(asset).isEmpty(), now, channel, publicChannels)) {
          Live caption = served(asset, labelChain);
          shown.add(media(asset, role.getValue(), caption == null ? null : text(asset, caption)));
        }
      }
    }
    // Only what the reader could open: a draft's or an expired asset's id is not theirs to see.
    Map<String, List<UUID>> references = new LinkedHashMap<>();
    for (String role : RELATED_ROLES) {
      List<UUID> ids =
          entry.links(role).stream()
              .filter(
                  id -> {
                    Entry target = related.get(id);
                    return target != null
                        && target.tenant().equals(entry.tenant())
                        && visible(target, chain);
                  })
              .toList();
      if (!ids.isEmpty()) {
        references.put(role, ids);
      }
    }
    Instant updatedAt =
        text.savedAt().isAfter(entry.audit().updatedAt())
            ? text.savedAt()
            : entry.audit().updatedAt();
    return new DeliveredItem(
        entry.id(),
        entry.tenant(),
        entry.entryType(),
        EntryTypes.kind(entry),
        entry.version(),
        requestedLocale,
        served.locale(),
        DeliveredItem.Text.of(text.text(), text.revision(), served.publishedAt(), text.savedAt()),
        available,
        entry.audit().createdAt(),
        updatedAt,
        List.copyOf(labels),
        latitude,
        longitude,
        EntryTypes.fields(entry),
        List.copyOf(shown),
        references);
  }

  private static DeliveredItem.DeliveredMedia media(
      MediaAsset asset, String role, TranslationRevision text) {
    MediaFileView file = asset.file();
    return new DeliveredItem.DeliveredMedia(
        role,
        asset.id(),
        asset.mediaType(),
        file.contentType(),
        file.width(),
        file.height(),
        file.durationMs(),
        file.size(),
        asset.credit(),
        asset.copyrightHolder(),
        asset.licence(),
        asset.licenceUrl(),
        text == null ? null : text.text().caption(),
        text == null ? null : text.text().altText(),
        asset.audit().updatedAt());
  }

  private static String label(Map<String, String> labels, List<String> chain, String code) {
    for (String locale : chain) {
      String label = labels.get(locale);
      if (label != null) {
        return label;
      }
    }
    return labels.values().stream().findFirst().orElse(code);
  }
}
