package vn.storybank.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A search as the API receives it, before validation.
 *
 * @param audience editors see drafts; the public sees published, rights-valid entries, one hit per
 *     entry in the requested locale or its fallback
 * @param locale editors: only this locale's translations, and those of the locale facet's selection
 *     (null: all); public: the reader's locale (null: the tenant's source locale)
 * @param filters selected facet values: OR within a facet, AND across facets; for the public, a
 *     selection of the locale facet keeps the hits in those locales (the reader's: no fallbacks)
 * @param near a geo radius filter, or null
 * @param within a bounding box filter, or null
 * @param hasMedia only entries with (true) or without (false) media; null: either
 * @param rightsValid editors: only entries whose media rights are valid now (the public always)
 * @param recency boost recently updated entries
 * @param sort {@code relevance} (default) or {@code updated} (newest first)
 */
public record SearchRequest(
    String tenant,
    Audience audience,
    String q,
    String locale,
    Map<Facet, List<String>> filters,
    LocalDate from,
    LocalDate to,
    GeoRadius near,
    BoundingBox within,
    Boolean hasMedia,
    boolean rightsValid,
    boolean recency,
    String sort,
    int offset,
    int limit) {

  /** A search with nothing but the query text and locale: no filters, first 20 hits. */
  public static SearchRequest of(String tenant, Audience audience, String q, String locale) {
    return new SearchRequest(
        tenant, audience, q, locale, Map.of(), null, null, null, null, null, false, false, null, 0,
        20);
  }

  public enum Audience {
    EDITOR,
    PUBLIC
  }

  public record GeoRadius(double latitude, double longitude, double kilometres) {}

  public record BoundingBox(double south, double west, double north, double east) {}
}
