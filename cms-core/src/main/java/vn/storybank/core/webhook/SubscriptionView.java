package vn.storybank.core.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as the admin API shows it: never with its secret. */
public record SubscriptionView(
    UUID id,
    String tenant,
    String channel,
    String url,
    List<String> events,
    boolean active,
    String disabledReason,
    long version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {}
