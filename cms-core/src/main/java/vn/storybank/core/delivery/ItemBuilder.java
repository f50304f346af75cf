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
import vn.storybank.core.collection.CuratedCollection;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.Translation;
import vn.storybank.core.media.MediaAsset;
import vn.storybank.core.media.MediaFileView;
import vn.storybank.core.product.Product;
import vn.storybank.core.story.Story;
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
  private final Map<UUID, MediaAsset> media = new HashMap<>();

  ItemBuilder(EntityManager em, Instant now, ChannelView channel) {
    this.em = em;
    this.now = now;
    this.channel = channel;
  }

  /** Loads the media the entries link to, so that building them needs no further query. */
  ItemBuilder prefetch(Collection<? extends Entry> entries) {
    Set<UUID> ids = new HashSet<>();
    for (Entry entry : entries) {
      MEDIA_ROLES.forEach(role -> ids.addAll(entry.links(role.getKey())));
    }
    ids.removeAll(media.keySet());
    if (!ids.isEmpty()) {
      em.createQuery("select m from MediaAsset m where m.id in :ids", MediaAsset.class)
          .setParameter("ids", ids)
          .getResultList()
          .forEach(m -> media.put(m.id(), m));
    }
    return this;
  }

  /** The entry as served for the requested locale, or null when nothing along the chain is live. */
  DeliveredItem build(Entry entry, String requestedLocale, List<String> chain) {
    Translation served = Availability.served(entry, chain);
    if (served == null) {
      return null;
    }
    prefetch(List.of(entry));
    Map<String, String> available = new LinkedHashMap<>();
    entry.translations().values().stream()
        .filter(Availability::live)
        .forEach(t -> available.put(t.locale(), t.slug()));
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
    Map<String, Object> attributes = new LinkedHashMap<>();
    List<DeliveredItem.DeliveredMedia> shown = new ArrayList<>();
    if (entry instanceof Story story) {
      put(attributes, "eventDate", story.eventDate());
      put(attributes, "credit", story.credit());
      put(attributes, "source", story.source());
      if (story.geo() != null) {
        latitude = story.geo().lat();
        longitude = story.geo().lon();
      }
    } else if (entry instanceof Product product) {
      put(
          attributes,
          "producer",
          Map.of("name", product.producerName(), "kind", product.producerKind()));
      put(attributes, "productGroup", product.productGroup());
      put(attributes, "ocop", product.ocop());
      put(attributes, "price", product.price());
      if (!product.whereToBuy().isEmpty()) {
        attributes.put("whereToBuy", product.whereToBuy());
      }
    } else if (entry instanceof MediaAsset asset) {
      put(attributes, "mediaType", asset.mediaType());
      put(attributes, "credit", asset.credit());
      put(attributes, "copyrightHolder", asset.copyrightHolder());
      put(attributes, "licence", asset.licence());
      put(attributes, "licenceUrl", asset.licenceUrl());
      put(attributes, "capturedAt", asset.capturedAt());
      if (asset.file() != null) {
        shown.add(media(asset, "self", served));
      }
    } else if (entry instanceof CuratedCollection collection) {
      put(attributes, "purpose", collection.purpose());
    }
    for (Map.Entry<String, String> role : MEDIA_ROLES) {
      for (UUID id : entry.links(role.getKey())) {
        MediaAsset asset = media.get(id);
        if (asset != null
            && asset.file() != null
            && Availability.rightsValid(asset, now, channel)) {
          shown.add(media(asset, role.getValue(), Availability.served(asset, labelChain)));
        }
      }
    }
    Map<String, List<UUID>> related = new LinkedHashMap<>();
    for (String role : RELATED_ROLES) {
      List<UUID> ids = entry.links(role);
      if (!ids.isEmpty()) {
        related.put(role, ids);
      }
    }
    Instant updatedAt =
        served.updatedAt().isAfter(entry.audit().updatedAt())
            ? served.updatedAt()
            : entry.audit().updatedAt();
    return new DeliveredItem(
        entry.id(),
        entry.tenant(),
        entry.entryType(),
        Availability.kind(entry),
        entry.version(),
        requestedLocale,
        served.locale(),
        new DeliveredItem.Text(
            served.title(),
            served.subtitle(),
            served.summary(),
            served.body(),
            served.slug(),
            served.keywords(),
            served.caption(),
            served.altText(),
            served.seoTitle(),
            served.seoDescription(),
            served.revision(),
            served.publishedAt(),
            served.updatedAt()),
        available,
        entry.audit().createdAt(),
        updatedAt,
        List.copyOf(labels),
        latitude,
        longitude,
        attributes,
        List.copyOf(shown),
        related);
  }

  private static DeliveredItem.DeliveredMedia media(
      MediaAsset asset, String role, Translation text) {
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
        text == null ? null : text.caption(),
        text == null ? null : text.altText(),
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

  private static void put(Map<String, Object> attributes, String key, Object value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
