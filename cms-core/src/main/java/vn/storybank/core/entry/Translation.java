package vn.storybank.core.entry;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One locale of an entry. {@code revision} counts changes of its text; {@code sourceRevision} is
 * the revision of the source-locale translation it was made from, so that a later change of the
 * source shows this translation is stale.
 */
@Entity
@Table(name = "translation")
public class Translation {
  @EmbeddedId private TranslationId id;

  @MapsId("entryId")
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "entry_id")
  private Entry entry;

  @Column(name = "locale", insertable = false, updatable = false)
  private String locale;

  @Column(name = "tenant_code", nullable = false, updatable = false)
  private String tenant;

  @Column(name = "entry_type", nullable = false, updatable = false)
  private String entryType;

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

  /** One keyword per line. */
  @Column(name = "keywords")
  private String keywords;

  @Column(name = "caption")
  private String caption;

  @Column(name = "alt_text")
  private String altText;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private TranslationStatus status;

  @Column(name = "revision", nullable = false)
  private long revision;

  @Column(name = "source_revision")
  private Long sourceRevision;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  /** The revision readers see; null when nothing is live. */
  @Column(name = "live_revision")
  private Long liveRevision;

  @Column(name = "publish_at")
  private Instant publishAt;

  @Column(name = "unpublish_at")
  private Instant unpublishAt;

  /** A live revision is not shown before this time. */
  @Column(name = "embargo_until")
  private Instant embargoUntil;

  @Column(name = "returned_at")
  private Instant returnedAt;

  @Column(name = "returned_by")
  private String returnedBy;

  /**
   * Makes this translation show its live revision instead of the working text: only on a detached
   * copy, for readers who may see nothing but what is live (journalists), never saved.
   */
  void showLive(TranslationRevision live) {
    copy(live.text());
    revision = live.revision();
    sourceRevision = live.sourceRevision();
    status = TranslationStatus.PUBLISHED;
    updatedAt = live.savedAt();
    updatedBy = live.savedBy();
  }

  /** Set when this write made a new revision, which is then kept as a revision row. */
  @Transient private boolean revisionPending;

  protected Translation() {}

  Translation(Entry entry, String locale) {
    this.id = new TranslationId(entry.id(), locale);
    this.entry = entry;
    this.locale = locale;
    this.tenant = entry.tenant();
    this.entryType = entry.entryType().code();
    this.status = TranslationStatus.DRAFT;
  }

  /** Sets the text; counts a revision only when something changed. Returns whether it did. */
  boolean applyText(TranslationText text, String actor, Instant now) {
    String joinedKeywords = text.keywords().isEmpty() ? null : String.join("\n", text.keywords());
    boolean changed =
        revision == 0
            || !Objects.equals(title, text.title())
            || !Objects.equals(subtitle, text.subtitle())
            || !Objects.equals(summary, text.summary())
            || !Objects.equals(body, text.body())
            || !Objects.equals(slug, text.slug())
            || !Objects.equals(seoTitle, text.seoTitle())
            || !Objects.equals(seoDescription, text.seoDescription())
            || !Objects.equals(keywords, joinedKeywords)
            || !Objects.equals(caption, text.caption())
            || !Objects.equals(altText, text.altText());
    if (changed) {
      copy(text);
      revision++;
      revisionPending = true;
      // An edit is a new working revision: it goes through review again, and what is live stays.
      status = TranslationStatus.DRAFT;
      touch(actor, now);
    }
    return changed;
  }

  private void copy(TranslationText text) {
    title = text.title();
    subtitle = text.subtitle();
    summary = text.summary();
    body = text.body();
    slug = text.slug();
    seoTitle = text.seoTitle();
    seoDescription = text.seoDescription();
    keywords = text.keywords().isEmpty() ? null : String.join("\n", text.keywords());
    caption = text.caption();
    altText = text.altText();
  }

  /** Set when the text changed in this write without naming a source revision. */
  @Transient private boolean takesCurrentSource;

  void setSourceRevision(Long sourceRevision) {
    this.sourceRevision = sourceRevision;
    this.takesCurrentSource = false;
  }

  void madeFromCurrentSource() {
    this.takesCurrentSource = true;
  }

  boolean takesCurrentSource() {
    return takesCurrentSource;
  }

  /** Moves the working revision to another review state (not publishing: see {@link #publish}). */
  void setStatus(TranslationStatus status, String actor, Instant now) {
    this.status = status;
    touch(actor, now);
  }

  /** Makes the working revision the live one. */
  void publish(String actor, Instant now) {
    status = TranslationStatus.PUBLISHED;
    liveRevision = revision;
    publishedAt = now;
    returnedAt = null;
    returnedBy = null;
    touch(actor, now);
  }

  /** Takes the live revision down; a working revision that was the live one is archived. */
  void unpublish(String actor, Instant now) {
    liveRevision = null;
    if (status == TranslationStatus.PUBLISHED) {
      status = TranslationStatus.ARCHIVED;
    }
    touch(actor, now);
  }

  void returned(String reviewer, Instant now) {
    status = TranslationStatus.DRAFT;
    returnedAt = now;
    returnedBy = reviewer;
    touch(reviewer, now);
  }

  void submitted(String actor, Instant now) {
    status = TranslationStatus.IN_REVIEW;
    returnedAt = null;
    returnedBy = null;
    touch(actor, now);
  }

  void schedule(Instant publishAt, Instant unpublishAt, Instant embargoUntil) {
    this.publishAt = publishAt;
    this.unpublishAt = unpublishAt;
    this.embargoUntil = embargoUntil;
  }

  boolean takeRevisionPending() {
    boolean pending = revisionPending;
    revisionPending = false;
    return pending;
  }

  /** Whether readers see a revision at this time (published and not under embargo). */
  public boolean isLive(Instant now) {
    return liveRevision != null && (embargoUntil == null || !embargoUntil.isAfter(now));
  }

  public Long liveRevision() {
    return liveRevision;
  }

  public Instant publishAt() {
    return publishAt;
  }

  public Instant unpublishAt() {
    return unpublishAt;
  }

  public Instant embargoUntil() {
    return embargoUntil;
  }

  public Instant returnedAt() {
    return returnedAt;
  }

  public String returnedBy() {
    return returnedBy;
  }

  public String tenant() {
    return tenant;
  }

  public String entryType() {
    return entryType;
  }

  String keywordsJoined() {
    return keywords;
  }

  private void touch(String actor, Instant now) {
    updatedAt = now;
    updatedBy = actor;
  }

  public String locale() {
    return locale;
  }

  public Entry entry() {
    return entry;
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

  public String seoTitle() {
    return seoTitle;
  }

  public String seoDescription() {
    return seoDescription;
  }

  public List<String> keywords() {
    return keywords == null ? List.of() : Arrays.asList(keywords.split("\n"));
  }

  public String caption() {
    return caption;
  }

  public String altText() {
    return altText;
  }

  public TranslationStatus status() {
    return status;
  }

  public long revision() {
    return revision;
  }

  public Long sourceRevision() {
    return sourceRevision;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }
}
