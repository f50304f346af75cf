package vn.storybank.core.entry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One approver's approval of one revision of a translation. */
@Entity
@Table(name = "translation_approval")
public class TranslationApproval {
  /** The key: an approver approves a revision at most once. */
  @Embeddable
  public record Key(
      @Column(name = "entry_id") UUID entryId,
      @Column(name = "locale") String locale,
      @Column(name = "revision") long revision,
      @Column(name = "approver") String approver)
      implements Serializable {}

  @EmbeddedId private Key id;

  @Column(name = "approved_at", nullable = false)
  private Instant approvedAt;

  protected TranslationApproval() {}

  TranslationApproval(Key id, Instant approvedAt) {
    this.id = id;
    this.approvedAt = approvedAt;
  }

  public String approver() {
    return id.approver();
  }

  public Instant approvedAt() {
    return approvedAt;
  }
}
