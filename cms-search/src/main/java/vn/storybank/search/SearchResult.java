package vn.storybank.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * @param total how many hits there are in all
 * @param relaxed the strict query found (almost) nothing, so words were matched with typos allowed
 *     and as two words run together
 * @param facets per facet, its values with counts (a facet with selected values is counted as if
 *     its own selection were not there, so the other values stay visible for multi-select)
 */
public record SearchResult(
    long total, List<Hit> hits, Map<String, List<FacetValue>> facets, boolean relaxed) {

  /**
   * @param locale the translation the hit shows
   * @param fallback the public asked for another locale and this translation stands in for it
   * @param snippet a short passage, HTML-escaped, matched words in {@code <mark>}
   * @param status editor search: where the translation's working revision stands (the list screens'
   *     status column); null for the public, which sees published text only
   * @param updatedAt editor search: when the translation or its entry last changed; null for the
   *     public (an edit not yet published is none of its business)
   * @param stale editor search: true when the source changed since this translation was made from
   *     it, false when it did not; null on the source itself and for the public
   */
  public record Hit(
      UUID id,
      String type,
      String locale,
      boolean fallback,
      String title,
      String slug,
      String snippet,
      float score,
      String status,
      Instant updatedAt,
      Boolean stale) {}

  /**
   * @param label the value's name in the reader's locale (taxonomy terms), else the value
   * @param parent for places, the place above (so a client can draw the tree)
   */
  public record FacetValue(String value, String label, long count, String parent) {}
}
