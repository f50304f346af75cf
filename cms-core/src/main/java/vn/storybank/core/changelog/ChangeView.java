package vn.storybank.core.changelog;

import java.time.Instant;
import java.util.UUID;

/** A change-log row as the API shows it. */
public record ChangeView(
    long seq,
    String tenant,
    String entityType,
    UUID entityId,
    String locale,
    Operation operation,
    long revision,
    Instant changedAt,
    String changedBy) {}
