package vn.storybank.core.entry;

import java.time.Instant;

/** One kept revision in a translation's history. */
public record RevisionView(
    String locale,
    long revision,
    String title,
    Long sourceRevision,
    Instant savedAt,
    String savedBy,
    boolean live) {}
