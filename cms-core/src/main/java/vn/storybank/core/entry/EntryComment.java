package vn.storybank.core.entry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One message in an entry's review thread; the locale says which translation it is about. Here, not
 * in the workflow package, because a rejection ({@link Workflow}) writes one.
 */
@Entity
@Table(name = "entry_comment")
public class EntryComment {
  @Id
  @Column(name = "id")
  private UUID id;

  @Column(name = "entry_id", nullable = false)
  private UUID entryId;

  @Column(name = "locale")
  private String locale;

  @Column(name = "author", nullable = false)
  private String author;

  @Column(name = "body", nullable = false, length = 10_000)
  private String body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected EntryComment() {}

  public EntryComment(UUID entryId, String locale, String author, String body, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.entryId = entryId;
    this.locale = locale;
    this.author = author;
    this.body = body;
    this.createdAt = createdAt;
  }

  public CommentView view() {
    return new CommentView(id, locale, author, body, createdAt);
  }
}
