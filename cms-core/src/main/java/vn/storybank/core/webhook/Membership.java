package vn.storybank.core.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An entry a subscription last announced as in its channel, with the state it announced: the next
 * change to the entry is classified against this row.
 */
@Entity(name = "WebhookMembership")
@Table(name = "webhook_membership")
public class Membership {
  @EmbeddedId private MembershipKey key;

  @Column(name = "entry_type", nullable = false)
  private String entryType;

  @Column(name = "entry_version", nullable = false)
  private long entryVersion;

  /** The entry's version and each served locale's revision: any of them moving is an update. */
  @Column(name = "fingerprint", nullable = false)
  private String fingerprint;

  protected Membership() {}

  Membership(MembershipKey key, String entryType, long entryVersion, String fingerprint) {
    this.key = key;
    this.entryType = entryType;
    this.entryVersion = entryVersion;
    this.fingerprint = fingerprint;
  }

  MembershipKey key() {
    return key;
  }

  String entryType() {
    return entryType;
  }

  long entryVersion() {
    return entryVersion;
  }

  String fingerprint() {
    return fingerprint;
  }

  void announce(long version, String state) {
    this.entryVersion = version;
    this.fingerprint = state;
  }
}
