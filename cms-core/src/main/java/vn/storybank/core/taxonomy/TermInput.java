package vn.storybank.core.taxonomy;

import java.time.LocalDate;
import java.util.Map;

/** What an editor sets on a term; {@code parent} is the parent's code (places only). */
public record TermInput(
    String code,
    Map<String, String> labels,
    String parent,
    String adminCode,
    GeoPoint geo,
    LocalDate validFrom,
    LocalDate validTo) {
  public TermInput {
    labels = labels == null ? Map.of() : labels;
  }
}
