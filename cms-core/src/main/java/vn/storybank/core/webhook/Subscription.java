package vn.storybank.core.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.storybank.core.persistence.Audit;

/** A partner's URL that receives one channel's events, signed with its own secret. */
@Entity
@Table(name = "webhook_subscription")
public class Subscription {
  @Id
  @Column(name = "id")
  private UUID id;

  @Column(name = "tenant_code", nullable = false, updatable = false)
  private String tenant;

  @Column(name = "channel_code", nullable = false, updatable = false)
  private String channel;

  @Column(name = "url", nullable = false)
  private String url;

  @Column(name = "events", nullable = false)
  private String events;

  @Column(name = "secret", nullable = false, updatable = false)
  private String secret;

  @Column(name = "active", nullable = false)
  private boolean active;

  @Column(name = "disabled_reason")
  private String disabledReason;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Embedded private Audit audit;

  protected Subscription() {}

  Subscription(
      UUID id,
      String tenant,
      String channel,
      String url,
      List<String> events,
      String secret,
      Audit audit) {
    this.id = id;
    this.tenant = tenant;
    this.channel = channel;
    this.url = url;
    this.events = String.join(",", events);
    this.secret = secret;
    this.active = true;
    this.audit = audit;
  }

  UUID id() {
    return id;
  }

  String tenant() {
    return tenant;
  }

  String channel() {
    return channel;
  }

  String url() {
    return url;
  }

  String secret() {
    return secret;
  }

  boolean active() {
    return active;
  }

  List<String> events() {
    return events.isEmpty() ? List.of() : Arrays.asList(events.split(","));
  }

  boolean wants(String event) {
    return events().contains(event);
  }

  void disable(String reason, String by, Instant now) {
    active = false;
    disabledReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
    audit.touch(by, now);
  }

  SubscriptionView view() {
    return new SubscriptionView(
        id,
        tenant,
        channel,
        url,
        events(),
        active,
        disabledReason,
        version,
        audit.createdAt(),
        audit.createdBy(),
        audit.updatedAt(),
        audit.updatedBy());
  }
}
