package vn.storybank.core.locale;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

/**
 * BCP 47 language tags. Only well-formedness is checked here, never the presence of CLDR data:
 * {@code hnj}, {@code ium}, {@code tyz} and {@code blt-Tavt} are as good as {@code vi}.
 */
public final class LanguageTags {
  private LanguageTags() {}

  /** The canonical spelling of a well-formed tag ({@code zh-hans} becomes {@code zh-Hans}). */
  public static Optional<String> canonical(String tag) {
    if (tag == null || tag.isBlank() || tag.length() > 35) {
      return Optional.empty();
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
      String canonical = locale.toLanguageTag();
      return "und".equals(canonical) ? Optional.empty() : Optional.of(canonical);
    } catch (IllformedLocaleException e) {
      return Optional.empty();
    }
  }
}
