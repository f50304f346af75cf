package vn.storybank.core.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook message as the admin API shows it.
 *
 * @param status {@code pending}, {@code delivered} or {@code dead}
 * @param nextAttemptAt when a pending message is tried next
 * @param lastStatus the receiver's HTTP status at the last attempt, null when it did not answer
 */
public record MessageView(
    String id,
    UUID subscription,
    String type,
    UUID entry,
    long changeSeq,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Integer lastStatus,
    String lastError,
    Instant createdAt,
    Instant deliveredAt) {}
