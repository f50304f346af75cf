package vn.storybank.search;

import java.util.Arrays;
import java.util.Optional;
import vn.storybank.core.taxonomy.TermKind;

/**
 * The facets a search can count and filter by: each is an indexed keyword field (to filter by), and
 * all of them share one doc-values field (to count, see {@link FacetCounts}).
 */
public enum Facet {
  TYPE("type", Fields.TYPE, null),
  KIND("kind", Fields.KIND, null),
  PILLAR("pillar", Fields.PILLAR, TermKind.PILLAR),
  TOPIC("topic", Fields.TOPIC, TermKind.TOPIC),
  /** Hierarchical: an entry counts for its place and every place above it. */
  PLACE("place", Fields.PLACE, TermKind.PLACE),
  ETHNIC_GROUP("ethnicGroup", Fields.ETHNIC_GROUP, TermKind.ETHNIC_GROUP),
  MARKET("market", Fields.MARKET, TermKind.MARKET),
  LOCALE("locale", Fields.LOCALE, null),
  STARS("stars", Fields.STARS, null),
  YEAR("year", Fields.YEAR, null),
  STATUS("status", Fields.STATUS, null);

  private final String parameter;
  final String field;
  final TermKind termKind;

  Facet(String parameter, String field, TermKind termKind) {
    this.parameter = parameter;
    this.field = field;
    this.termKind = termKind;
  }

  /** The name in query parameters and in the response's {@code facets}. */
  public String parameter() {
    return parameter;
  }

  public static Optional<Facet> ofParameter(String name) {
    return Arrays.stream(values()).filter(f -> f.parameter.equals(name)).findFirst();
  }

  static Facet of(TermKind kind) {
    for (Facet facet : values()) {
      if (facet.termKind == kind) {
        return facet;
      }
    }
    throw new IllegalArgumentException("No facet for " + kind);
  }
}
