package vn.storybank.core.entry;

import java.time.Instant;

/**
 * Filters, sort and page of an entry list.
 *
 * @param kind the type's own classifier: a story's kind, a product's group, a media asset's type, a
 *     collection's purpose
 * @param place includes the places below it (a province finds its communes' stories)
 * @param locale entries that have a translation in this locale (with {@code status}: in that
 *     status)
 * @param missing entries that have no translation in this locale yet
 * @param q a case-insensitive substring of a title (full-text search is its own endpoint)
 * @param sort {@code updatedAt}, {@code createdAt}, each optionally prefixed with {@code -} for
 *     newest first (the default is {@code -updatedAt})
 */
public record ListQuery(
    String kind,
    String pillar,
    String topic,
    String place,
    String ethnicGroup,
    String market,
    TranslationStatus status,
    String locale,
    String missing,
    Instant updatedSince,
    String q,
    Integer stars,
    String sort,
    int limit,
    String cursor) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 200;

  public static ListQuery firstPage(int limit) {
    return new ListQuery(
        null, null, null, null, null, null, null, null, null, null, null, null, null, limit, null);
  }
}
