package vn.storybank.core.partner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A partner key as the admin API shows it: never its secret. */
public record PartnerView(
    UUID id,
    String tenant,
    String name,
    String prefix,
    List<String> channels,
    int ratePerMinute,
    Instant createdAt,
    String createdBy,
    Instant revokedAt) {}
