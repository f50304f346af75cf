package vn.storybank.core.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A partner's API key: its public prefix, a hash of its secret, its scope and rate limit. */
@Entity
@Table(name = "partner_key")
public class PartnerKey {
  @Id
  @Column(name = "id")
  private UUID id;

  @Column(name = "tenant_code", nullable = false, updatable = false)
  private String tenant;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "prefix", nullable = false, updatable = false)
  private String prefix;

  @Column(name = "secret_sha256", nullable = false, updatable = false)
  private String secretSha256;

  /** Comma-separated channel codes; empty: every channel of the tenant. */
  @Column(name = "channels", nullable = false)
  private String channels;

  @Column(name = "rate_per_minute", nullable = false)
  private int ratePerMinute;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by")
  private String revokedBy;

  protected PartnerKey() {}

  PartnerKey(
      UUID id,
      String tenant,
      PartnerInput input,
      String prefix,
      String secretSha256,
      Instant now,
      String by) {
    this.id = id;
    this.tenant = tenant;
    this.name = input.name();
    this.prefix = prefix;
    this.secretSha256 = secretSha256;
    this.channels = String.join(",", input.channels());
    this.ratePerMinute = input.ratePerMinute();
    this.createdAt = now;
    this.createdBy = by;
  }

  void revoke(Instant now, String by) {
    if (revokedAt == null) {
      revokedAt = now;
      revokedBy = by;
    }
  }

  UUID id() {
    return id;
  }

  String tenant() {
    return tenant;
  }

  String secretSha256() {
    return secretSha256;
  }

  List<String> channels() {
    return channels.isEmpty() ? List.of() : Arrays.asList(channels.split(","));
  }

  int ratePerMinute() {
    return ratePerMinute;
  }

  boolean revoked() {
    return revokedAt != null;
  }

  PartnerView view() {
    return new PartnerView(
        id, tenant, name, prefix, channels(), ratePerMinute, createdAt, createdBy, revokedAt);
  }
}
