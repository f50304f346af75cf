package vn.storybank.core.entry;

import java.util.List;

/**
 * Whether a translation lags behind its source: it was made from source revision {@code madeFrom},
 * the source is now at {@code sourceRevision}, and {@code sourceChanges} is what changed in the
 * source since.
 */
public record Staleness(
    String locale,
    String sourceLocale,
    boolean stale,
    Long madeFrom,
    long sourceRevision,
    List<FieldChange> sourceChanges) {}
