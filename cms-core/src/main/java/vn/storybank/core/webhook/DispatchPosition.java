package vn.storybank.core.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

  protected DispatchPosition() {}

  long seq() {
    return seq;
  }

  void advance(long to) {
    seq = to;
  }
}
