package vn.storybank.core.changelog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row that hands out change-log sequence numbers (see {@link ChangeLog}). */
@Entity
@Table(name = "change_counter")
class ChangeCounter {
  static final int ID = 1;

  @Id
  @Column(name = "id")
  private int id;

  @Column(name = "last_seq", nullable = false)
  private long lastSeq;

  protected ChangeCounter() {}

  long next() {
    return ++lastSeq;
  }
}
