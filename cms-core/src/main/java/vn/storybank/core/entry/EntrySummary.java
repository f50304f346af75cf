package vn.storybank.core.entry;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An entry as a list screen shows it: the header, the type's classifier under its own name ({@code
 * kind}, {@code productGroup}, {@code mediaType}, {@code purpose}), places and pillars, the entry's
 * publication date, a thumbnail and, per locale, what says where the translation stands. No text
 * beyond titles and slugs: the whole entry is one request away.
 *
 * @param thumbnail the media asset a list shows for the entry: the asset itself for media, else the
 *     first media asset it links to (a story's hero)
 */
public record EntrySummary(
    @JsonUnwrapped EntryHeader header,
    @JsonIgnore String classifierName,
    @JsonIgnore String classifier,
    List<String> places,
    List<String> pillars,
    Instant publishedAt,
    UUID thumbnail,
    Map<String, TranslationSummary> translations) {

  /** The classifier under the name the type's full JSON gives it. */
  @JsonAnyGetter
  public Map<String, Object> classifierField() {
    return classifier == null ? Map.of() : Map.of(classifierName, classifier);
  }

  /**
   * One locale of a summary. {@code stale}: whether the source changed since this translation was
   * made from it (null for the source itself).
   */
  public record TranslationSummary(
      String title,
      String slug,
      TranslationStatus status,
      Instant publishedAt,
      Instant updatedAt,
      Long liveRevision,
      Boolean stale) {}
}
