package vn.storybank.core.workflow;

import java.time.Instant;
import java.util.UUID;

/** One translation waiting for someone, with why. */
public record TaskItem(
    UUID entryId,
    String type,
    String locale,
    String title,
    String status,
    long revision,
    Instant since,
    String note) {}
