package vn.storybank.core.taxonomy;

import java.util.Arrays;
import java.util.Optional;

/** The taxonomies every tenant has; the path segment is how the API names them. */
public enum TermKind {
  PILLAR("pillars", "pillar"),
  TOPIC("topics", "topic"),
  PLACE("places", "place"),
  ETHNIC_GROUP("ethnic-groups", "ethnic group"),
  MARKET("markets", "market");

  private final String pathSegment;
  private final String singular;

  TermKind(String pathSegment, String singular) {
    this.pathSegment = pathSegment;
    this.singular = singular;
  }

  public String pathSegment() {
    return pathSegment;
  }

  public String singular() {
    return singular;
  }

  public static Optional<TermKind> fromPath(String segment) {
    return Arrays.stream(values()).filter(k -> k.pathSegment.equals(segment)).findFirst();
  }

  public static String allPaths() {
    return String.join(", ", Arrays.stream(values()).map(TermKind::pathSegment).toList());
  }
}
