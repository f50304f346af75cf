package vn.storybank.core.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The last change-log sequence number turned into webhook messages (one row). */
@Entity
@Table(name = "webhook_position")
public class DispatchPosition {
  static final int ID = 1;

  @Id
  @Column(name = "id")
  private int id;

  @Column(name = "seq", nullable = false)
  private long seq;

  @Column(name = "checked_at")
  private Instant checkedAt;

  protected DispatchPosition() {}

  long seq() {
    return seq;
  }

  void advance(long to) {
    seq = to;
  }

  /** When expired rights were last looked for; null before the first look. */
  Instant checkedAt() {
    return checkedAt;
  }

  void checked(Instant at) {
    checkedAt = at;
  }
}
