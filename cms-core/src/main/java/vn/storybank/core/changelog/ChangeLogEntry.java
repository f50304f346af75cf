package vn.storybank.core.changelog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One committed write: the input of search indexing, webhooks and partner sync. */
@Entity
@Table(name = "change_log")
public class ChangeLogEntry {
  @Id
  @Column(name = "seq")
  private long seq;

  @Column(name = "tenant_code", nullable = false)
  private String tenant;

  @Column(name = "entity_type", nullable = false)
  private String entityType;

  @Column(name = "entity_id", nullable = false)
  private UUID entityId;

  @Column(name = "locale")
  private String locale;

  @Enumerated(EnumType.STRING)
  @Column(name = "operation", nullable = false)
  private Operation operation;

  @Column(name = "revision", nullable = false)
  private long revision;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "changed_by", nullable = false)
  private String changedBy;

  protected ChangeLogEntry() {}

  ChangeLogEntry(long seq, Change change, Instant changedAt, String changedBy) {
    this.seq = seq;
    this.tenant = change.tenant();
    this.entityType = change.entityType();
    this.entityId = change.entityId();
    this.locale = change.locale();
    this.operation = change.operation();
    this.revision = change.revision();
    this.changedAt = changedAt;
    this.changedBy = changedBy;
  }

  public ChangeView view() {
    return new ChangeView(
        seq, tenant, entityType, entityId, locale, operation, revision, changedAt, changedBy);
  }
}
