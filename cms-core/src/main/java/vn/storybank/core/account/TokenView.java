package vn.storybank.core.account;

import java.time.Instant;
import java.util.UUID;

/** A token as its owner sees it later: never the secret. */
public record TokenView(
    UUID id,
    String name,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt) {}
