package vn.storybank.core.entry;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL slugs made from titles: diacritics removed ({@code đ → d}), lower case, words joined by
 * hyphens. Letters of scripts without diacritics to remove (Chinese, Korean, Tai Viet) are kept.
 */
public final class Slugs {
  static final int MAX_LENGTH = 80;
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern VALID =
      Pattern.compile("[\\p{Ll}\\p{Lo}\\p{N}]+(-[\\p{Ll}\\p{Lo}\\p{N}]+)*");

  private Slugs() {}

  public static String fromTitle(String title) {
    String folded =
        MARKS
            .matcher(
                Normalizer.normalize(
                    title.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT);
    String slug = SEPARATORS.matcher(folded).replaceAll("-");
    slug = trimHyphens(slug);
    if (slug.length() > MAX_LENGTH) {
      int cut = slug.lastIndexOf('-', MAX_LENGTH);
      slug = trimHyphens(slug.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH));
    }
    return slug.isEmpty() ? "entry" : slug;
  }

  public static boolean isValid(String slug) {
    return slug.length() <= 200 && VALID.matcher(slug).matches();
  }

  /** The {@code n}-th alternative of a slug that is taken: {@code sa-pa-2}, {@code sa-pa-3}. */
  static String numbered(String slug, int n) {
    return slug + "-" + n;
  }

  private static String trimHyphens(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '-') {
      end--;
    }
    return s.substring(start, end);
  }
}
