package vn.storybank.core.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event for one subscription in the outbox. Its id is the {@code webhook-id} of every attempt
 * and replay, so the receiver can drop duplicates.
 */
@Entity
@Table(name = "webhook_message")
public class WebhookMessage {
  static final String PENDING = "pending";
  static final String DELIVERED = "delivered";
  static final String DEAD = "dead";

  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "subscription_id", nullable = false, updatable = false)
  private UUID subscription;

  @Column(name = "event_type", nullable = false, updatable = false)
  private String eventType;

  @Column(name = "entry_id", nullable = false, updatable = false)
  private UUID entry;

  @Column(name = "change_seq", nullable = false, updatable = false)
  private long changeSeq;

  @Column(name = "payload", nullable = false, updatable = false)
  private String payload;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "last_status")
  private Integer lastStatus;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  protected WebhookMessage() {}

  WebhookMessage(
      UUID subscription,
      String eventType,
      UUID entry,
      long changeSeq,
      String payload,
      Instant now) {
    this.id = "msg_" + UUID.randomUUID().toString().replace("-", "");
    this.subscription = subscription;
    this.eventType = eventType;
    this.entry = entry;
    this.changeSeq = changeSeq;
    this.payload = payload;
    this.status = PENDING;
    this.attempts = 0;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  String id() {
    return id;
  }

  UUID subscription() {
    return subscription;
  }

  String payload() {
    return payload;
  }

  String status() {
    return status;
  }

  int attempts() {
    return attempts;
  }

  /** Records one attempt; {@code next} null means the message is finished one way or the other. */
  void attempted(Integer statusCode, String error, boolean delivered, Instant now, Instant next) {
    attempts++;
    lastStatus = statusCode;
    lastError = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
    lockedUntil = null;
    if (delivered) {
      status = DELIVERED;
      deliveredAt = now;
    } else if (next == null) {
      status = DEAD;
    } else {
      nextAttemptAt = next;
    }
  }

  /** Sends the same message (same id) again as soon as a sender is free. */
  void replay(Instant now) {
    status = PENDING;
    nextAttemptAt = now;
    lockedUntil = null;
  }

  MessageView view() {
    return new MessageView(
        id,
        subscription,
        eventType,
        entry,
        changeSeq,
        status,
        attempts,
        PENDING.equals(status) ? nextAttemptAt : null,
        lastStatus,
        lastError,
        createdAt,
        deliveredAt);
  }
}
