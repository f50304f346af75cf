package vn.storybank.core.snapshot;

import java.time.Instant;
import java.util.List;
import vn.storybank.core.entry.TranslationStatus;

/**
 * One translation of an {@link EntrySnapshot}, its rich text reduced to plain text.
 *
 * @param servesLocales the tenant locales a reader gets this translation in: this locale when
 *     published, and every locale whose fallback chain reaches it before another published
 *     translation. Empty when the translation is not published.
 */
public record TranslationSnapshot(
    String locale,
    String title,
    String subtitle,
    String summary,
    String bodyText,
    List<String> keywords,
    String caption,
    String altText,
    String slug,
    TranslationStatus status,
    Instant publishedAt,
    Instant updatedAt,
    List<String> servesLocales) {}
