package vn.storybank.core.snapshot;

import java.time.Instant;
import java.util.List;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.entry.TranslationText;

/**
 * One translation of an {@link EntrySnapshot}, its rich text reduced to plain text.
 *
 * <p>The top-level text is the working (latest) revision, for editors; {@code live} is what readers
 * see (delivery, public search).
 *
 * @param stale whether the source-locale translation changed since this one was made from it; null
 *     on the source itself (or an entry without one)
 * @param servesLocales the tenant locales a reader gets this translation in: this locale when it is
 *     live, and every locale whose fallback chain reaches it before another live translation. Empty
 *     when nothing of it is live.
 * @param live the live revision's text; null when nothing is live (never published, taken down, or
 *     under embargo)
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
    Boolean stale,
    List<String> servesLocales,
    Live live) {

  /** The text of the revision readers see. */
  public record Live(
      String title,
      String subtitle,
      String summary,
      String bodyHtml,
      String bodyText,
      List<String> keywords,
      String caption,
      String altText,
      String slug,
      long revision,
      Instant publishedAt) {

    /** What readers see of a revision's text. */
    static Live of(TranslationText text, String plainBody, long revision, Instant publishedAt) {
      return new Live(
          text.title(),
          text.subtitle(),
          text.summary(),
          text.body(),
          plainBody,
          text.keywords(),
          text.caption(),
          text.altText(),
          text.slug(),
          revision,
          publishedAt);
    }
  }

  /** The working text of a translation, its body as plain text. */
  static TranslationSnapshot of(
      String locale,
      TranslationText text,
      String plainBody,
      TranslationStatus status,
      Instant publishedAt,
      Instant updatedAt,
      Boolean stale,
      List<String> servesLocales,
      Live live) {
    return new TranslationSnapshot(
        locale,
        text.title(),
        text.subtitle(),
        text.summary(),
        plainBody,
        text.keywords(),
        text.caption(),
        text.altText(),
        text.slug(),
        status,
        publishedAt,
        updatedAt,
        stale,
        servesLocales,
        live);
  }
}
