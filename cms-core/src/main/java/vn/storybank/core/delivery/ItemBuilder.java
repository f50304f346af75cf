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
import java.util.UUID;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryQueries;
import vn.storybank.core.entry.RevisionId;
import vn.storybank.core.entry.Translation;
import vn.storybank.core.entry.TranslationQueries;
import vn.storybank.core.entry.TranslationRevision;
import vn.storybank.core.entrytype.EntryTypes;
import vn.storybank.core.media.MediaAsset;
import vn.storybank.core.media.MediaFileView;
import vn.storybank.core.media.MediaQueries;
import vn.storybank.core.taxonomy.GeoPoint;
import vn.storybank.core.taxonomy.Term;

/**
 * Turns entries into {@link DeliveredItem}s within one read transaction, loading the media they
 * show in one query per batch.
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

  private final EntityManager em;
  private final Instant now;
  private final ChannelView channel;
  private final Set<String> publicChannels;
  private final Map<UUID, MediaAsset> media = new HashMap<>();
  private final Map<UUID, Entry> related = new HashMap<>();
  private final Set<UUID> relatedLoaded = new HashSet<>();
  private final Map<RevisionId, TranslationRevision> liveTexts = new HashMap<>();
  private final Set<UUID> textsLoaded = new HashSet<>();

  /** For a channel's delivery. */
  ItemBuilder(EntityManager em, Instant now, ChannelView channel) {
    this(em, now, channel, Set.of());
  }

  /**
   * @param publicChannels the tenant's public channel codes, for delivery without a channel
   */
  ItemBuilder(EntityManager em, Instant now, ChannelView channel, Set<String> publicChannels) {
    this.em = em;
    this.now = now;
    this.channel = channel;
    this.publicChannels = publicChannels;
  }

  /**
   * Loads the media the entries link to and the live texts of both, and the entries they refer to
   * (whose translations say whether the reader may open them), so that building them needs no
   * further query.
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
    List<MediaAsset> linked = List.of();
    if (!ids.isEmpty()) {
      linked = new MediaQueries(em).byIds(ids);
      linked.forEach(m -> media.put(m.id(), m));
    }
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(linked);
    loadLiveTexts(all);
    return this;
  }

  /**
   * The live revisions of these entries' live translations, in one query per 500 entries. Asked by
   * the revision numbers the loaded translations name (revision rows never change), so a publish
   * committed meanwhile cannot leave a loaded translation without its text.
   */
  private void loadLiveTexts(List<Entry> entries) {
    Set<RevisionId> wanted = new HashSet<>();
    for (Entry entry : entries) {
      if (textsLoaded.add(entry.id())) {
        for (Translation t : entry.translations().values()) {
          if (Availability.live(t, now)) {
            wanted.add(new RevisionId(entry.id(), t.locale(), t.liveRevision()));
          }
        }
      }
    }
    List<RevisionId> keys = List.copyOf(wanted);
    for (int from = 0; from < keys.size(); from += 500) {
      List<RevisionId> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
      new TranslationQueries(em)
              .keptRevisions(
                  chunk.stream().map(RevisionId::entryId).distinct().toList(),
                  chunk.stream().map(RevisionId::revision).distinct().toList())
              .stream()
              .filter(r -> wanted.contains(r.id()))
              .forEach(r -> liveTexts.put(r.id(), r));
    }
  }

  /**
   * The revision readers see of a live translation; null only when the entry was deleted after it
   * was loaded (its revisions went with it), and the deletion's own change will report it.
   */
  private TranslationRevision liveText(Entry entry, Translation translation) {
    loadLiveTexts(List.of(entry));
    return liveTexts.get(
        new RevisionId(entry.id(), translation.locale(), translation.liveRevision()));
  }

  /** The first live translation along the chain whose text could be read, or null. */
  private Translation served(Entry entry, List<String> chain) {
    for (String locale : chain) {
      Translation t = entry.translations().get(locale);
      if (t != null && Availability.live(t, now) && liveText(entry, t) != null) {
        return t;
      }
    }
    return null;
  }

  /** The entry as served for the requested locale, or null when nothing along the chain is live. */
  DeliveredItem build(Entry entry, String requestedLocale, List<String> chain) {
    prefetch(List.of(entry));
    Translation served = served(entry, chain);
    if (served == null) {
      return null;
    }
    TranslationRevision text = liveText(entry, served);
    Map<String, String> available = new LinkedHashMap<>();
    for (Translation t : entry.translations().values()) {
      TranslationRevision live = Availability.live(t, now) ? liveText(entry, t) : null;
      if (live != null) {
        available.put(t.locale(), live.text().slug());
      }
    }
    List<String> labelChain = new ArrayList<>(chain);
    labelChain.add(0, served.locale());
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
            && Availability.shown(asset, now, channel, publicChannels)) {
          Translation caption = served(asset, labelChain);
          shown.add(
              media(asset, role.getValue(), caption == null ? null : liveText(asset, caption)));
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
                        && Availability.visible(target, chain, now, channel, publicChannels);
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
