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
}
