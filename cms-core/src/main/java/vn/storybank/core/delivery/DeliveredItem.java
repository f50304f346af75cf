package vn.storybank.core.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.entry.TranslationText;
import vn.storybank.core.entrytype.EntryTypes;
import vn.storybank.core.entrytype.TypeFields;

/**
 * One entry as a reader receives it in one locale: only what is published, with rights-valid media.
 * Feeds, JSON-LD and the item API are renderings of this.
 *
 * @param requestedLocale the locale asked for
 * @param locale the locale of the translation served (differs from the requested one on fallback)
 * @param availableLocales the locales the entry is published in, with the slug of each
 * @param attributes the type's own fields (story, product, media asset or collection); see {@link
 *     EntryTypes}
 * @param media the linked media assets that may be shown, by role ({@code hero}, {@code media},
 *     {@code poster}); a media asset's own item lists itself with role {@code self}
 * @param related linked entries by role ({@code relatedStories}, {@code items}, …): only those the
 *     reader may open in the same scope, in the order the editor gave
 */
public record DeliveredItem(
    UUID id,
    String tenant,
    EntryType type,
    String kind,
    long version,
    String requestedLocale,
    String locale,
    Text text,
    Map<String, String> availableLocales,
    Instant createdAt,
    Instant updatedAt,
    List<Label> terms,
    Double latitude,
    Double longitude,
    TypeFields attributes,
    List<DeliveredMedia> media,
    Map<String, List<UUID>> related) {

  public boolean fallback() {
    return !locale.equals(requestedLocale);
  }

  /** The text of the published translation served. */
  public record Text(
      String title,
      String subtitle,
      String summary,
      String body,
      String slug,
      List<String> keywords,
      String caption,
      String altText,
      String seoTitle,
      String seoDescription,
      long revision,
      Instant publishedAt,
      Instant updatedAt) {

    /** A live revision's text as delivered. */
    static Text of(TranslationText text, long revision, Instant publishedAt, Instant updatedAt) {
      return new Text(
          text.title(),
          text.subtitle(),
          text.summary(),
          text.body(),
          text.slug(),
          text.keywords(),
          text.caption(),
          text.altText(),
          text.seoTitle(),
          text.seoDescription(),
          revision,
          publishedAt,
          updatedAt);
    }
  }

  /** A taxonomy term with its label in the served locale chain. */
  public record Label(String kind, String code, String label, Double latitude, Double longitude) {}

  /** A media asset shown with an entry, with what a credit line and a licence notice need. */
  public record DeliveredMedia(
      String role,
      UUID id,
      String mediaType,
      String contentType,
      Integer width,
      Integer height,
      Long durationMs,
      Long size,
      String credit,
      String copyrightHolder,
      String licence,
      String licenceUrl,
      String caption,
      String altText,
      Instant updatedAt) {
    public boolean isImage() {
      return contentType != null && contentType.startsWith("image/");
    }
  }

  /** The first media of a role that is an image, if any. */
  public java.util.Optional<DeliveredMedia> image(String... roles) {
    for (String role : roles) {
      for (DeliveredMedia m : media) {
        if (m.role().equals(role) && m.isImage()) {
          return java.util.Optional.of(m);
        }
      }
    }
    return java.util.Optional.empty();
  }
}
