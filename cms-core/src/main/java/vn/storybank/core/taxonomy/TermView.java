package vn.storybank.core.taxonomy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A term as the API shows it. */
public record TermView(
    UUID id,
    String kind,
    String code,
    Map<String, String> labels,
    String parent,
    String adminCode,
    GeoPoint geo,
    LocalDate validFrom,
    LocalDate validTo,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  static TermView of(Term term) {
    return new TermView(
        term.id(),
        term.kind().pathSegment(),
        term.code(),
        new LinkedHashMap<>(term.labels()),
        term.parent() == null ? null : term.parent().code(),
        term.adminCode(),
        GeoPoint.of(term.latitude(), term.longitude()),
        term.validFrom(),
        term.validTo(),
        term.version(),
        term.audit().createdAt(),
        term.audit().updatedAt());
  }
}
