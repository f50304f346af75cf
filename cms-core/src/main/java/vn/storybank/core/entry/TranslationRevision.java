package vn.storybank.core.entry;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of one translation as one save left it. Rows are only ever added: the live revision,
 * diffs and restores read them.
 */
@Entity
@Table(name = "translation_revision")
public class TranslationRevision {
  @EmbeddedId private RevisionId id;

  @Column(name = "title")
  private String title;

  @Column(name = "subtitle")
  private String subtitle;

  @Column(name = "summary")
  private String summary;

  @Column(name = "body", length = 1_000_000)
  private String body;

  @Column(name = "slug")
  private String slug;

  @Column(name = "seo_title")
  private String seoTitle;

  @Column(name = "seo_description")
  private String seoDescription;

  @Column(name = "keywords")
  private String keywords;

  @Column(name = "caption")
  private String caption;

  @Column(name = "alt_text")
  private String altText;

  @Column(name = "source_revision")
  private Long sourceRevision;

  @Column(name = "saved_at", nullable = false)
  private Instant savedAt;

  @Column(name = "saved_by", nullable = false)
  private String savedBy;

  protected TranslationRevision() {}

  TranslationRevision(Translation t, Instant savedAt, String savedBy) {
    this.id = new RevisionId(t.entry().id(), t.locale(), t.revision());
    this.title = t.title();
    this.subtitle = t.subtitle();
    this.summary = t.summary();
    this.body = t.body();
    this.slug = t.slug();
    this.seoTitle = t.seoTitle();
    this.seoDescription = t.seoDescription();
    this.keywords = t.keywordsJoined();
    this.caption = t.caption();
    this.altText = t.altText();
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

  public String title() {
    return title;
  }

  public String subtitle() {
    return subtitle;
  }

  public String summary() {
    return summary;
  }

  public String body() {
    return body;
  }

  public String slug() {
    return slug;
  }

  public List<String> keywords() {
    return keywords == null ? List.of() : Arrays.asList(keywords.split("\n"));
  }

  public String seoTitle() {
    return seoTitle;
  }

  public String seoDescription() {
    return seoDescription;
  }

  public String caption() {
    return caption;
  }

  public String altText() {
    return altText;
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

  TranslationText text() {
    return new TranslationText(
        title,
        subtitle,
        summary,
        body,
        slug,
        seoTitle,
        seoDescription,
        keywords(),
        caption,
        altText);
  }

  /** Every text field by its JSON name, for diffs. */
  public Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", title);
    fields.put("subtitle", subtitle);
    fields.put("summary", summary);
    fields.put("body", body);
    fields.put("slug", slug);
    fields.put("seoTitle", seoTitle);
    fields.put("seoDescription", seoDescription);
    fields.put("keywords", keywords);
    fields.put("caption", caption);
    fields.put("altText", altText);
    return fields;
  }
}
