package vn.storybank.core.entry;

import java.time.Instant;
import java.util.List;

/** One locale of an entry as the API shows it. */
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
    String updatedBy) {

  static TranslationView of(Translation t) {
    return new TranslationView(
        t.title(),
        t.subtitle(),
        t.summary(),
        t.body(),
        t.slug(),
        t.seoTitle(),
        t.seoDescription(),
        t.keywords().isEmpty() ? null : t.keywords(),
        t.caption(),
        t.altText(),
        t.status(),
        t.sourceRevision(),
        t.revision(),
        t.publishedAt(),
        t.updatedAt(),
        t.updatedBy());
  }
}
