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

  public static Audit created(String by, Instant now) {
    Audit audit = new Audit();
    audit.createdAt = now;
    audit.createdBy = by;
    audit.updatedAt = now;
    audit.updatedBy = by;
    return audit;
  }

  /**
   * Records a change. The time never goes backwards for one row, so that sorting by it is stable.
   */
  public void touch(String by, Instant now) {
    updatedAt = now.isAfter(updatedAt) ? now : updatedAt.plusNanos(1000);
    updatedBy = by;
  }

  /**
   * Sets the creation time an import gives (a bank migrated from elsewhere keeps its history); the
   * last change stays as recorded, never before the creation.
   */
  public void backdate(Instant createdAt) {
    this.createdAt = createdAt;
    if (updatedAt.isBefore(createdAt)) {
      updatedAt = createdAt;
    }
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
