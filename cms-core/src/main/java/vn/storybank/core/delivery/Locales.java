package vn.storybank.core.delivery;

import java.util.List;
import java.util.Locale;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.locale.LanguageTags;

/** Which locale a reader gets: the one asked for, else the best Accept-Language match. */
final class Locales {
  private Locales() {}

  /**
   * @param explicit the {@code locale} parameter, or null
   * @param acceptLanguage the Accept-Language header, or null
   * @param served the locales on offer, the default first
   * @param where what serves them, for the message ("tenant lao-cai", "channel en-portal")
   */
  static String pick(String explicit, String acceptLanguage, List<String> served, String where) {
    if (explicit != null && !explicit.isBlank()) {
      String tag = LanguageTags.canonical(explicit).orElse(explicit);
      if (!served.contains(tag)) {
        throw StorybankException.notFound(
            "The "
                + where
                + " does not serve locale '"
                + explicit
                + "'; it serves "
                + served
                + ".");
      }
      return tag;
    }
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        String match = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), served);
        if (match != null) {
          return served.stream().filter(match::equalsIgnoreCase).findFirst().orElse(match);
        }
      } catch (IllegalArgumentException malformed) {
        // A malformed Accept-Language is ignored, as browsers' odd headers should not fail reads.
      }
    }
    return served.get(0);
  }
}
