package vn.storybank.core.entry;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of one translation as one save left it. Rows are only ever added: the live revision,
 * diffs and restores read them.
 */
@Entity
@Table(name = "translation_revision")
public class TranslationRevision {
  @EmbeddedId private RevisionId id;

  /** Null only when every text column is null: read through {@link #text()}. */
  @Embedded private TranslationText text;

  @Column(name = "source_revision")
  private Long sourceRevision;

  @Column(name = "saved_at", nullable = false)
  private Instant savedAt;

  @Column(name = "saved_by", nullable = false)
  private String savedBy;

  protected TranslationRevision() {}

  TranslationRevision(Translation t, Instant savedAt, String savedBy) {
    this.id = new RevisionId(t.entry().id(), t.locale(), t.revision());
    this.text = t.text();
    this.sourceRevision = t.sourceRevision();
    this.savedAt = savedAt;
    this.savedBy = savedBy;
  }

  public RevisionId id() {
    return id;
  }

  public long revision() {
    return id.revision();
  }

  public Long sourceRevision() {
    return sourceRevision;
  }

  public Instant savedAt() {
    return savedAt;
  }

  public String savedBy() {
    return savedBy;
  }

  public TranslationText text() {
    return text == null ? TranslationText.EMPTY : text;
  }

  /** The title alone, what lists of work name an entry by. */
  public String title() {
    return text().title();
  }

  /** Every text field by its JSON name, for diffs. */
  public Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    TranslationText text = text();
    fields.put("title", text.title());
    fields.put("subtitle", text.subtitle());
    fields.put("summary", text.summary());
    fields.put("body", text.body());
    fields.put("slug", text.slug());
    fields.put("seoTitle", text.seoTitle());
    fields.put("seoDescription", text.seoDescription());
    fields.put("keywords", text.keywordLines());
    fields.put("caption", text.caption());
    fields.put("altText", text.altText());
    return fields;
  }
}
