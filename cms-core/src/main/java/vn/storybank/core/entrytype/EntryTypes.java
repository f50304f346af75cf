package vn.storybank.core.entrytype;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.media.MediaAsset;
import vn.storybank.core.taxonomy.GeoPoint;

/**
 * The registry of entry types: the one place a new type is registered. Delivery and snapshots ask
 * here for what differs between types, so none of them tests an entry's class.
 */
public final class EntryTypes {
  private static final Map<EntryType, TypeDescriptor<?>> REGISTERED =
      register(
          new StoryDescriptor(),
          new ProductDescriptor(),
          new MediaDescriptor(),
          new CollectionDescriptor());

  private EntryTypes() {}

  /**
   * A type without a descriptor would be delivered without its fields: refuse to load instead, so
   * that the first test (and the first start) names it.
   */
  private static Map<EntryType, TypeDescriptor<?>> register(TypeDescriptor<?>... descriptors) {
    Map<EntryType, TypeDescriptor<?>> byType = new EnumMap<>(EntryType.class);
    for (TypeDescriptor<?> descriptor : descriptors) {
      if (byType.put(descriptor.type(), descriptor) != null) {
        throw new IllegalStateException(descriptor.type() + " is registered twice");
      }
    }
    for (EntryType type : EntryType.values()) {
      if (!byType.containsKey(type)) {
        throw new IllegalStateException(type + " has no TypeDescriptor in EntryTypes");
      }
    }
    return Collections.unmodifiableMap(byType);
  }

  /** Every registration, for tests that check them against the entity mapping. */
  static Map<EntryType, TypeDescriptor<?>> registered() {
    return REGISTERED;
  }

  // The cast holds because each descriptor's entity class is the one of its type (EntryTypesTest).
  @SuppressWarnings("unchecked")
  private static TypeDescriptor<Entry> of(Entry entry) {
    return (TypeDescriptor<Entry>) REGISTERED.get(entry.entryType());
  }

  /** The story kind, product group, media type or collection purpose. */
  public static String kind(Entry entry) {
    return of(entry).kind(entry);
  }

  /** The entry's own delivered fields. */
  public static TypeFields fields(Entry entry) {
    return of(entry).fields(entry);
  }

  /** Where the entry itself is (a story's map point), or null. */
  public static GeoPoint place(Entry entry) {
    return of(entry).place(entry);
  }

  /** The date the entry is about (event, capture, certificate year), or null. */
  public static LocalDate date(Entry entry, ZoneId zone) {
    return of(entry).date(entry, zone);
  }

  /** An OCOP product's stars, or null. */
  public static Integer ocopStars(Entry entry) {
    return of(entry).ocopStars(entry);
  }

  /** The entry when it is itself a media asset, or null. */
  public static MediaAsset asMedia(Entry entry) {
    return of(entry).asMedia(entry);
  }
}
