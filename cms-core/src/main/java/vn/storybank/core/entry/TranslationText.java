package vn.storybank.core.entry;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.List;

/**
 * The text of a translation: what an editor writes, what a revision keeps and what readers get. One
 * value for every form — the working translation and each revision row embed it under the same
 * columns (V1 migration), and the input, view, snapshot and delivered forms are mapped from it in
 * one place each ({@link TranslationWriter}, {@link TranslationView#of}, {@code
 * TranslationSnapshot.of}, {@code DeliveredItem.Text.of}).
 *
 * <p>Values are validated and sanitised before they get here: the writer trims, cleans the HTML
 * body and allocates the slug. {@code keywords} is never null (an empty list is an empty column).
 */
@Embeddable
public record TranslationText(
    @Column(name = "title") String title,
    @Column(name = "subtitle") String subtitle,
    @Column(name = "summary") String summary,
    @Column(name = "body", length = 1_000_000) String body,
    @Column(name = "slug") String slug,
    @Column(name = "seo_title") String seoTitle,
    @Column(name = "seo_description") String seoDescription,
    @Column(name = "keywords") @Convert(converter = KeywordLines.class) List<String> keywords,
    @Column(name = "caption") String caption,
    @Column(name = "alt_text") String altText) {

  /**
   * No text at all. Hibernate reads a row whose text columns are all null as a null embeddable; the
   * entities answer this instead.
   */
  static final TranslationText EMPTY =
      new TranslationText(null, null, null, null, null, null, null, List.of(), null, null);

  public TranslationText {
    keywords = keywords == null ? List.of() : keywords;
  }

  /** The keywords as stored: one per line, null when there are none. */
  String keywordLines() {
    return KeywordLines.join(keywords);
  }
}
