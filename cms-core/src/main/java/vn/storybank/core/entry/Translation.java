package vn.storybank.core.entry;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

  /** Null only when every text column is null: read through {@link #text()}. */
  @Embedded private TranslationText text;

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
    text = live.text();
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
  boolean applyText(TranslationText text, String by, Instant now) {
    boolean changed = revision == 0 || !text().equals(text);
    if (changed) {
      this.text = text;
      revision++;
      revisionPending = true;
      // An edit is a new working revision: it goes through review again, and what is live stays.
      status = TranslationStatus.DRAFT;
      touch(by, now);
    }
    return changed;
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
  void setStatus(TranslationStatus status, String by, Instant now) {
    this.status = status;
    touch(by, now);
  }

  /** Makes the working revision the live one. */
  void publish(String by, Instant now) {
    status = TranslationStatus.PUBLISHED;
    liveRevision = revision;
    publishedAt = now;
    // The scheduler may hold the entry as a lazy proxy.
    ((Entry) org.hibernate.Hibernate.unproxy(entry)).published(now);
    returnedAt = null;
    returnedBy = null;
    touch(by, now);
  }

  /** The date an import gives for the last publication (see EntryService.keepHistory). */
  void publishedOn(Instant at) {
    publishedAt = at;
  }

  /** Takes the live revision down; a working revision that was the live one is archived. */
  void unpublish(String by, Instant now) {
    liveRevision = null;
    if (status == TranslationStatus.PUBLISHED) {
      status = TranslationStatus.ARCHIVED;
    }
    touch(by, now);
  }

  void returned(String reviewer, Instant now) {
    status = TranslationStatus.DRAFT;
    returnedAt = now;
    returnedBy = reviewer;
    touch(reviewer, now);
  }

  void submitted(String by, Instant now) {
    status = TranslationStatus.IN_REVIEW;
    returnedAt = null;
    returnedBy = null;
    touch(by, now);
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

  private void touch(String by, Instant now) {
    updatedAt = now;
    updatedBy = by;
  }

  public String locale() {
    return locale;
  }

  public Entry entry() {
    return entry;
  }

  public TranslationText text() {
    return text == null ? TranslationText.EMPTY : text;
  }

  /** The title alone, what lists of work name an entry by. */
  public String title() {
    return text().title();
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
