package vn.storybank.core.entry;

import java.util.List;

/**
 * One locale of an entry as a client writes it. Which fields apply depends on the entry type (see
 * docs/API.md): a product's name is its {@code title}, a media asset has {@code caption} and {@code
 * altText}. {@code body} is HTML restricted to an allow-list; anything else is removed. Without a
 * {@code slug} one is made from the title. {@code status} defaults to draft.
 */
public record TranslationInput(
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
    Long sourceRevision) {
  public TranslationInput {
    keywords = keywords == null ? List.of() : keywords;
  }
}
