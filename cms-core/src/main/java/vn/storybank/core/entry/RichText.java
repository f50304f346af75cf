package vn.storybank.core.entry;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Rich text is an allow-listed HTML subset, sanitised on write. HTML rather than a JSON block list
 * because every channel Storybank feeds takes HTML as it is: JSON Feed {@code content_html}, ninjs
 * {@code bodies} with {@code text/html}, Atom content, partner portals. The allow-list keeps only
 * structure (paragraphs, headings, lists, quotes, tables, figures, links, images), never scripts,
 * styles or event handlers.
 */
public final class RichText {
  private static final Pattern HTTP_URL = Pattern.compile("(?i)^(https?://|/|mailto:)[^\\s]*$");
  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "br",
              "h2",
              "h3",
              "h4",
              "ul",
              "ol",
              "li",
              "blockquote",
              "strong",
              "em",
              "b",
              "i",
              "u",
              "s",
              "sub",
              "sup",
              "hr",
              "figure",
              "figcaption",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "caption",
              "a",
              "img")
          .allowUrlProtocols("http", "https", "mailto")
          .allowAttributes("href")
          .matching(HTTP_URL)
          .onElements("a")
          .allowAttributes("title")
          .onElements("a", "img")
          .allowAttributes("src")
          .matching(HTTP_URL)
          .onElements("img")
          .allowAttributes("alt", "width", "height")
          .onElements("img")
          .allowAttributes("lang")
          .globally()
          .allowAttributes("colspan", "rowspan")
          .onElements("th", "td")
          .requireRelsOnLinks("noopener")
          .toFactory();

  private RichText() {}

  /**
   * The allow-listed HTML, with only the character references HTML needs: the sanitiser also writes
   * {@code ' " @ = + `} as references (defences for old browsers' quirks), so a body written as
   * "người H'Mông" came back as "người H&#39;Mông" from the admin API, the delivery API and every
   * feed. They are written back as characters (see {@link #readable}).
   */
  public static String sanitize(String html) {
    return html == null ? null : readable(POLICY.sanitize(html));
  }

  /**
   * Undoes the sanitiser's needless references in its own output. In text, "'", '"', "@", "=", "+"
   * and "`" mean nothing to an HTML parser. Inside a tag every attribute value is in double quotes,
   * so the same holds except for '"' (which would end the value) and "`" (which old Internet
   * Explorer took as a quote); those two stay references there. "&amp;", "&lt;" and "&gt;" always
   * stay. The sanitiser writes "<" and ">" in values as references, so the first ">" after a "<"
   * ends the tag (or the "
   * <!-- -->
   * " it writes between two "{").
   */
  static String readable(String sanitized) {
    int amp = sanitized.indexOf("&#");
    if (amp < 0) {
      return sanitized;
    }
    // Copied in runs between references: a body is read once per write, and most of it is text.
    StringBuilder out = new StringBuilder(sanitized.length());
    int copied = 0;
    int scanned = 0;
    boolean inTag = false;
    while (amp >= 0) {
      inTag = inTagAfter(sanitized, scanned, amp, inTag);
      scanned = amp;
      char plain = needless(sanitized, amp, inTag);
      if (plain != 0) {
        out.append(sanitized, copied, amp).append(plain);
        copied = amp + 5;
      }
      amp = sanitized.indexOf("&#", amp + 2);
    }
    return out.append(sanitized, copied, sanitized.length()).toString();
  }

  /** Whether a tag is open at {@code to}, given whether one was at {@code from}. */
  private static boolean inTagAfter(String html, int from, int to, boolean inTag) {
    int at = from;
    while (true) {
      int next = html.indexOf(inTag ? '>' : '<', at);
      if (next < 0 || next >= to) {
        return inTag;
      }
      inTag = !inTag;
      at = next + 1;
    }
  }

  /** The character a two-digit reference at {@code amp} stands for, if it need not be one. */
  private static char needless(String html, int amp, boolean inTag) {
    if (amp + 4 >= html.length() || html.charAt(amp + 4) != ';') {
      return 0;
    }
    return switch (html.substring(amp + 2, amp + 4)) {
      case "39" -> '\'';
      case "64" -> '@';
      case "61" -> '=';
      case "43" -> '+';
      case "34" -> inTag ? 0 : '"';
      case "96" -> inTag ? 0 : '`';
      default -> 0;
    };
  }

  private static final String[] BLOCK_TAGS = {
    "p", "h2", "h3", "h4", "li", "blockquote", "figcaption", "caption", "tr", "td", "th"
  };
  private static final String[] ENTITY_NAMES = {"amp", "lt", "gt", "quot", "apos", "nbsp"};

  /**
   * The text a reader sees in sanitised rich text: tags dropped (block boundaries become spaces so
   * that words of two paragraphs do not run together), character references decoded, runs of white
   * space made one space. Two plain passes over the characters: this runs for every translation a
   * search rebuild reads, and the four regular expressions it replaces (kept in RichTextTest as the
   * reference it must agree with) were a fifth of the rebuild's reading time.
   */
  public static String plainText(String html) {
    if (html == null) {
      return null;
    }
    return decodeAndCollapse(dropTags(html)).strip();
  }

  /**
   * Block boundaries (p, h2–h4, li, … up to their ">") made spaces first, then every other "<...>"
   * up to the first ">" removed: two steps, because a stray "<" before a block tag must not swallow
   * it.
   */
  private static String dropTags(String html) {
    StringBuilder spaced = new StringBuilder(html.length());
    int at = 0;
    for (int open = html.indexOf('<'); open >= 0; open = html.indexOf('<', open + 1)) {
      int nameEnd = blockTagNameEnd(html, open + 1);
      int close = nameEnd < 0 ? -1 : html.indexOf('>', nameEnd);
      if (close >= 0) {
        spaced.append(html, at, open).append(' ');
        at = close + 1;
        open = close;
      }
    }
    spaced.append(html, at, html.length());
    StringBuilder out = new StringBuilder(spaced.length());
    at = 0;
    while (at < spaced.length()) {
      int open = spaced.indexOf("<", at);
      int close = open < 0 ? -1 : spaced.indexOf(">", open);
      if (close < 0) {
        out.append(spaced, at, spaced.length());
        break;
      }
      out.append(spaced, at, open);
      at = close + 1;
    }
    return out.toString();
  }

  /** Where the name of a block-boundary tag ends, if one starts at {@code nameStart}; or -1. */
  private static int blockTagNameEnd(String html, int nameStart) {
    for (String name : new String[] {"br", "hr"}) {
      if (isTagName(html, nameStart, name)) {
        return nameStart + name.length();
      }
    }
    int from =
        nameStart < html.length() && html.charAt(nameStart) == '/' ? nameStart + 1 : nameStart;
    for (String name : BLOCK_TAGS) {
      if (isTagName(html, from, name)) {
        return from + name.length();
      }
    }
    return -1;
  }

  /**
   * Whether {@code name} starts at {@code at}, ASCII letters in any case, and a word ends after it
   * (as {@code \\b} sees words: letters, digits, "_" and marks on them).
   */
  private static boolean isTagName(String html, int at, String name) {
    int end = at + name.length();
    if (end > html.length()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = html.charAt(at + i);
      if (c >= 128 || Character.toLowerCase(c) != name.charAt(i)) {
        return false;
      }
    }
    if (end == html.length()) {
      return true;
    }
    int next = html.codePointAt(end);
    return !(Character.isLetterOrDigit(next)
        || next == '_'
        || Character.getType(next) == Character.NON_SPACING_MARK);
  }

  /** Character references decoded, then every run of white space (\s) made one space. */
  private static String decodeAndCollapse(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean inSpace = false;
    int at = 0;
    while (at < text.length()) {
      char c = text.charAt(at);
      String decoded = null;
      int end = c == '&' ? entityEnd(text, at) : -1;
      if (end > 0) {
        decoded = decode(text.substring(at + 1, end));
        at = end + 1;
      } else {
        at++;
      }
      if (decoded == null) {
        inSpace = append(out, c, inSpace);
      } else {
        for (int i = 0; i < decoded.length(); i++) {
          inSpace = append(out, decoded.charAt(i), inSpace);
        }
      }
    }
    return out.toString();
  }

  private static boolean append(StringBuilder out, char c, boolean inSpace) {
    boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    if (!space) {
      out.append(c);
    } else if (!inSpace) {
      out.append(' ');
    }
    return space;
  }

  /**
   * The index of the ";" ending a character reference that starts at {@code amp} ("&#x41;", "&#65;"
   * or one of the names), or -1.
   */
  private static int entityEnd(String text, int amp) {
    int at = amp + 1;
    if (text.startsWith("#x", at) && digitsEnd(text, at + 2, 16) > at + 2) {
      int end = digitsEnd(text, at + 2, 16);
      return end < text.length() && text.charAt(end) == ';' ? end : -1;
    }
    if (text.startsWith("#", at) && digitsEnd(text, at + 1, 10) > at + 1) {
      int end = digitsEnd(text, at + 1, 10);
      return end < text.length() && text.charAt(end) == ';' ? end : -1;
    }
    for (String name : ENTITY_NAMES) {
      int end = at + name.length();
      if (text.startsWith(name, at) && end < text.length() && text.charAt(end) == ';') {
        return end;
      }
    }
    return -1;
  }

  private static int digitsEnd(String text, int from, int radix) {
    int at = from;
    while (at < text.length()
        && Character.digit(text.charAt(at), radix) >= 0
        && text.charAt(at) < 128) {
      at++;
    }
    return at;
  }

  static String decode(String entity) {
    return switch (entity) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      case "nbsp" -> " ";
      default -> {
        try {
          int codePoint =
              entity.startsWith("#x")
                  ? Integer.parseInt(entity.substring(2), 16)
                  : Integer.parseInt(entity.substring(1));
          yield Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : " ";
        } catch (NumberFormatException tooLong) {
          yield " ";
        }
      }
    };
  }
}
