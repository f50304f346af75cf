package vn.storybank.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A browser session (for an editor UI): the cookie's secret and the CSRF token are stored as
 * SHA-256 hashes only, like API tokens.
 */
@Entity
@Table(name = "web_session")
public class WebSession {
  @Id
  @Column(name = "secret_hash")
  private String secretHash;

  @Column(name = "username", nullable = false)
  private String username;

  @Column(name = "csrf_hash", nullable = false)
  private String csrfHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected WebSession() {}

  WebSession(String secretHash, String username, String csrfHash, Instant now, Instant expiresAt) {
    this.secretHash = secretHash;
    this.username = username;
    this.csrfHash = csrfHash;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  String username() {
    return username;
  }

  String csrfHash() {
    return csrfHash;
  }

  boolean usableAt(Instant now) {
    return revokedAt == null && expiresAt.isAfter(now);
  }

  boolean revoked() {
    return revokedAt != null;
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }
}
