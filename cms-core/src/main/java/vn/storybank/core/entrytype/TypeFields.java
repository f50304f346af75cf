package vn.storybank.core.entrytype;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * The fields an entry type adds to a delivered item, typed. Renderers read them by their record
 * type; JSON gets them as the object {@link #json()} builds.
 */
public interface TypeFields {
  /**
   * The fields as they appear in an item's JSON, in order, empty ones left out. A map rather than
   * the record's own properties because webhook fingerprints, kept in the database, hash items with
   * their maps' keys sorted: the same map keeps every stored fingerprint valid.
   */
  @JsonValue
  Map<String, Object> json();

  /** Who made the work, for a byline; null when the type has no credit or none was given. */
  default String credit() {
    return null;
  }
}
