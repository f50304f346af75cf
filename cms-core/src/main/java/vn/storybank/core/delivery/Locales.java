package vn.storybank.core.delivery;

import java.util.List;
import java.util.Locale;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.locale.LanguageTags;

/** Which locale a reader gets: the one asked for, else the best Accept-Language match. */
final class Locales {
  private Locales() {}

  /**
   * A tag that is not valid is a 400 that says why; a valid one not served, a 404 that names the
   * served ones.
   *
   * @param explicit the {@code locale} parameter, or null
   * @param acceptLanguage the Accept-Language header, or null
   * @param served the locales on offer, the default first
   * @param where what serves them, for the message ("tenant lao-cai", "channel en-portal")
   */
  static String pick(String explicit, String acceptLanguage, List<String> served, String where) {
    if (explicit != null && !explicit.isBlank()) {
      if (served.contains(explicit)) {
        return explicit;
      }
      LanguageTags.Checked checked = LanguageTags.check(explicit);
      if (!checked.valid()) {
        throw StorybankException.invalid("locale", checked.problem());
      }
      String tag = checked.tag();
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
