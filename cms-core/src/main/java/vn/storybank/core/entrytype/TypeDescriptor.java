package vn.storybank.core.entrytype;

import java.time.LocalDate;
import java.time.ZoneId;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.media.MediaAsset;
import vn.storybank.core.taxonomy.GeoPoint;

/**
 * What one entry type adds to the read side of an entry. Registered once in {@link EntryTypes}; the
 * defaults say "this type has no such fact".
 */
interface TypeDescriptor<E extends Entry> {
  EntryType type();

  Class<E> entityClass();

  /**
   * The story kind, product group, media type or collection purpose: what channel filters, lists
   * and search call the kind.
   */
  String kind(E entry);

  /** The type's own delivered fields. */
  TypeFields fields(E entry);

  /** Where the entry itself is, over the places it is tagged with; null: its terms say. */
  default GeoPoint place(E entry) {
    return null;
  }

  /** The date the entry is about in the tenant's zone; null: the day it was created. */
  default LocalDate date(E entry, ZoneId zone) {
    return null;
  }

  /** An OCOP product's star rating, for search; null for everything else. */
  default Integer ocopStars(E entry) {
    return null;
  }

  /**
   * The entry as a media asset when it is one, so that its own file is shown under the same rights
   * rules as an asset shown with another entry; null otherwise.
   */
  default MediaAsset asMedia(E entry) {
    return null;
  }
}
