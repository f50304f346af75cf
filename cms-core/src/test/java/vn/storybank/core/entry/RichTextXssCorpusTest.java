package vn.storybank.core.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sanitizer against a corpus of XSS vectors (src/test/resources/xss/vectors.txt): whatever
 * survives is an allowed tag with allowed attributes, and every URL is http(s), mailto or relative.
 */
class RichTextXssCorpusTest {
  private static final Set<String> TAGS =
      Set.of(
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
          "img");
  private static final Set<String> ATTRIBUTES =
      Set.of("href", "src", "title", "alt", "width", "height", "lang", "colspan", "rowspan", "rel");
  private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([a-zA-Z0-9]+)([^>]*)>");
  private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=\"/]+)(?:=\"([^\"]*)\")?");
  private static final Pattern SAFE_URL = Pattern.compile("^(https?://|/(?!/)|mailto:)");

  static List<String> vectors() throws IOException {
    try (InputStream in = RichTextXssCorpusTest.class.getResourceAsStream("/xss/vectors.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    }
  }

  @Test
  void noScriptHandlerOrScriptUrlSurvives() throws IOException {
    List<String> vectors = vectors();
    assertTrue(vectors.size() >= 50, "the corpus has " + vectors.size() + " vectors");
    for (String vector : vectors) {
      String clean = RichText.sanitize(vector);
      String lower = clean.toLowerCase(Locale.ROOT);
      assertFalse(lower.contains("<script"), vector + " -> " + clean);
      Matcher tag = TAG.matcher(clean);
      while (tag.find()) {
        String name = tag.group(1).toLowerCase(Locale.ROOT);
        assertTrue(TAGS.contains(name), "tag " + name + ": " + vector + " -> " + clean);
        Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
        while (attribute.find()) {
          String attr = attribute.group(1).toLowerCase(Locale.ROOT);
          assertTrue(
              ATTRIBUTES.contains(attr), "attribute " + attr + ": " + vector + " -> " + clean);
          if (attr.equals("href") || attr.equals("src")) {
            String url = decode(attribute.group(2)).strip().toLowerCase(Locale.ROOT);
            assertTrue(SAFE_URL.matcher(url).find(), "url " + url + ": " + vector + " -> " + clean);
          }
        }
      }
    }
  }

  /** The sanitizer writes attribute values with character references; a browser decodes them. */
  private static String decode(String value) {
    return Pattern.compile("&#(x?)([0-9a-fA-F]+);")
        .matcher(value.replace("&amp;", "&").replace("&#61;", "="))
        .replaceAll(
            m ->
                Matcher.quoteReplacement(
                    Character.toString(
                        Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16))));
  }

  @Test
  void ordinaryFormattingIsKept() {
    String html =
        "<h2>Ruộng bậc thang</h2><p>Mùa <strong>lúa chín</strong> ở <em>Mù Cang Chải</em>.</p>"
            + "<ul><li>Tháng 9</li><li>Tháng 10</li></ul>"
            + "<blockquote>Đẹp nhất Tây Bắc</blockquote>"
            + "<p><a href=\"https://laocai.gov.vn/du-lich\" rel=\"noopener\">Cổng du lịch</a></p>"
            + "<figure><img src=\"https://media.storybank.vn/a.jpg\" alt=\"Ruộng\" />"
            + "<figcaption>Ảnh: Ban biên tập</figcaption></figure>";
    assertEquals(html, RichText.sanitize(html));
  }
}
