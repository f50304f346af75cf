package vn.storybank.core.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** Who created and last changed a row, and when. */
@Embeddable
public class Audit {
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  protected Audit() {}

  public static Audit created(String actor, Instant now) {
    Audit audit = new Audit();
    audit.createdAt = now;
    audit.createdBy = actor;
    audit.updatedAt = now;
    audit.updatedBy = actor;
    return audit;
  }

  /**
   * Records a change. The time never goes backwards for one row, so that sorting by it is stable.
   */
  public void touch(String actor, Instant now) {
    updatedAt = now.isAfter(updatedAt) ? now : updatedAt.plusNanos(1000);
    updatedBy = actor;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }
}
