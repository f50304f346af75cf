package vn.storybank.web.delivery;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deed URL of a Creative Commons licence named as editors write it ("CC BY 4.0", "CC BY-NC-SA
 * 3.0", "CC0 1.0"): schema.org's license takes a URL, and a media asset often has the name alone.
 */
final class Licences {
  private static final Pattern CC =
      Pattern.compile(
          "CC[ -]?(BY(?:-NC)?(?:-SA|-ND)?)[ -]?(?:v|version )?(1\\.0|2\\.0|2\\.5|3\\.0|4\\.0)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ZERO =
      Pattern.compile("CC[ -]?0(?:[ -]1\\.0)?", Pattern.CASE_INSENSITIVE);

  private Licences() {}

  /** The licence's deed URL, or null when the text names no Creative Commons licence. */
  static String url(String name) {
    if (name == null) {
      return null;
    }
    String text = name.strip();
    Matcher cc = CC.matcher(text);
    if (cc.matches()) {
      return "https://creativecommons.org/licenses/"
          + cc.group(1).toLowerCase(Locale.ROOT)
          + "/"
          + cc.group(2)
          + "/";
    }
    if (ZERO.matcher(text).matches()) {
      return "https://creativecommons.org/publicdomain/zero/1.0/";
    }
    return null;
  }
}
