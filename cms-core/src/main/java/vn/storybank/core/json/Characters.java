package vn.storybank.core.json;

import java.util.Locale;
import vn.storybank.core.error.StorybankException;

/**
 * The characters text may hold: those XML 1.0 allows. Every text Storybank keeps can end up in an
 * Atom feed or a sitemap, where one forbidden character makes the whole document unreadable for
 * every reader, and PostgreSQL refuses U+0000 outright. So text from outside is checked on the way
 * in (JSON strings and keys, query and path parameters, sign-in names) and, for rows stored before
 * the check, cleaned on the way out to XML.
 *
 * <p>Forbidden: the C0 controls except tab, line feed and carriage return (U+0000–U+0008, U+000B,
 * U+000C, U+000E–U+001F), U+FFFE, U+FFFF and unpaired surrogates. C1 controls (U+0080–U+009F) and
 * the other noncharacters are allowed: XML 1.0 and JSON carry them, so they break no reader, and
 * one rule for input and output means that what is accepted is always what can be delivered.
 */
public final class Characters {
  private Characters() {}

  /** Index of the first forbidden character, or -1. */
  public static int firstForbidden(CharSequence text) {
    return text instanceof String string ? firstForbidden(string) : firstForbidden(text, 0);
  }

  /**
   * Every imported or written text passes here (170 MB for a 20,000-story import): the characters
   * are looked at in blocks copied out of the string, since {@code charAt} checks its index and
   * decodes the string's bytes at every character. Only a character that may be forbidden sends the
   * check to the exact rule.
   */
  private static int firstForbidden(String text) {
    char[] block = new char[Math.min(text.length(), 1024)];
    for (int start = 0; start < text.length(); start += block.length) {
      int end = Math.min(text.length(), start + block.length);
      text.getChars(start, end, block, 0);
      for (int i = 0; i < end - start; i++) {
        char c = block[i];
        if (c < 0x20 || c >= Character.MIN_SURROGATE) {
          // Suspect: the exact rule decides, from here on (a surrogate pair may cross blocks).
          return firstForbidden(text, start + i);
        }
      }
    }
    return -1;
  }

  private static int firstForbidden(CharSequence text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20) {
        if (c != '\t' && c != '\n' && c != '\r') {
          return i;
        }
      } else if (c == 0xFFFE || c == 0xFFFF) {
        return i;
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** Why the text is refused, or null when it is fine. */
  public static String problem(CharSequence text) {
    int at = text == null ? -1 : firstForbidden(text);
    if (at < 0) {
      return null;
    }
    char c = text.charAt(at);
    String what =
        Character.isSurrogate(c)
            ? "an unpaired surrogate"
            : c < 0x20 ? "a control character" : "a noncharacter";
    return String.format(
        Locale.ROOT,
        "contains %s (U+%04X) at position %d; text may hold no control characters other than"
            + " tab, line feed and carriage return, and no U+FFFE, U+FFFF or unpaired surrogates",
        what,
        (int) c,
        at);
  }

  /** A 400 naming the field when the text holds a forbidden character. */
  public static void require(String field, String text) {
    String problem = problem(text);
    if (problem != null) {
      throw StorybankException.invalid(field, problem);
    }
  }

  /**
   * The text without the characters XML 1.0 forbids, for writing rows stored before input was
   * checked: dropping them keeps the document readable, and they carried nothing a reader could
   * see.
   */
  public static String xmlSafe(String text) {
    if (text == null || firstForbidden(text) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (firstForbidden(String.valueOf(c)) < 0) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
