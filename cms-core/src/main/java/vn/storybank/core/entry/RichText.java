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

  public static String sanitize(String html) {
    return html == null ? null : POLICY.sanitize(html);
  }

  private static final Pattern BLOCK_BOUNDARY =
      Pattern.compile(
          "(?i)<(?:/?(?:p|h[2-4]|li|blockquote|figcaption|caption|tr|td|th)|br|hr)\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * The text a reader sees in sanitised rich text: tags dropped (block boundaries become spaces so
   * that words of two paragraphs do not run together), character references decoded.
   */
  public static String plainText(String html) {
    if (html == null) {
      return null;
    }
    String text = TAG.matcher(BLOCK_BOUNDARY.matcher(html).replaceAll(" ")).replaceAll("");
    text =
        ENTITY
            .matcher(text)
            .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(decode(m.group(1))));
    return SPACES.matcher(text).replaceAll(" ").strip();
  }

  private static String decode(String entity) {
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
