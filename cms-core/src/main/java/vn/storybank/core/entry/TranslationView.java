package vn.storybank.core.entry;

import java.time.Instant;
import java.util.List;

/**
 * One locale of an entry as the API shows it: the working text, its review status, the live
 * revision and the schedule. {@code stale} says whether the source changed since this translation
 * was made from it (null for the source itself).
 */
public record TranslationView(
    String title,
    String subtitle,
    String summary,
    String body,
    String slug,
    String seoTitle,
    String seoDescription,
    List<String> keywords,
    String caption,
    String altText,
    TranslationStatus status,
    Long sourceRevision,
    long revision,
    Instant publishedAt,
    Instant updatedAt,
    String updatedBy,
    Long liveRevision,
    Instant publishAt,
    Instant unpublishAt,
    Instant embargoUntil,
    Boolean stale,
    Instant returnedAt,
    String returnedBy) {

  static TranslationView of(Translation t, Translation source) {
    TranslationText text = t.text();
    return new TranslationView(
        text.title(),
        text.subtitle(),
        text.summary(),
        text.body(),
        text.slug(),
        text.seoTitle(),
        text.seoDescription(),
        text.keywords().isEmpty() ? null : text.keywords(),
        text.caption(),
        text.altText(),
        t.status(),
        t.sourceRevision(),
        t.revision(),
        t.publishedAt(),
        t.updatedAt(),
        t.updatedBy(),
        t.liveRevision(),
        t.publishAt(),
        t.unpublishAt(),
        t.embargoUntil(),
        source == null || source == t
            ? null
            : t.sourceRevision() == null || t.sourceRevision() < source.revision(),
        t.returnedAt(),
        t.returnedBy());
  }
}
