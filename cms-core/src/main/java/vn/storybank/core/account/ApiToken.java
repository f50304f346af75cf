package vn.storybank.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A personal API token: a user's rights for scripts, stored as a hash of its secret. */
@Entity
@Table(name = "api_token")
public class ApiToken {
  @Id
  @Column(name = "id")
  private UUID id;

  @Column(name = "username", nullable = false)
  private String username;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "secret_hash", nullable = false)
  private String secretHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiToken() {}

  ApiToken(
      UUID id, String username, String name, String secretHash, Instant now, Instant expiresAt) {
    this.id = id;
    this.username = username;
    this.name = name;
    this.secretHash = secretHash;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  UUID id() {
    return id;
  }

  String username() {
    return username;
  }

  boolean usableAt(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }

  /** Returns whether this use is the first in a while (then it is worth an audit row). */
  boolean used(Instant now, java.time.Duration quiet) {
    boolean first = lastUsedAt == null || lastUsedAt.plus(quiet).isBefore(now);
    if (first) {
      lastUsedAt = now;
    }
    return first;
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  TokenView view() {
    return new TokenView(id, name, createdAt, expiresAt, lastUsedAt, revokedAt);
  }
}
