package vn.storybank.core.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RichTextTest {
  @Test
  void structureIsKeptAndScriptsAreRemoved() {
    assertEquals(
        "<h2>Sa Pa</h2><p>Mây <strong>trắng</strong></p>",
        RichText.sanitize(
            "<h2>Sa Pa</h2><p>Mây <strong>trắng</strong><script>alert(1)</script></p>"));
    String cleaned =
        RichText.sanitize(
            "<p onclick=\"x()\" style=\"color:red\">a</p><a href=\"javascript:alert(1)\">b</a>"
                + "<img src=\"https://example.vn/a.jpg\" onerror=\"x()\" alt=\"ảnh\">");
    assertFalse(cleaned.contains("onclick"), cleaned);
    assertFalse(cleaned.contains("javascript"), cleaned);
    assertFalse(cleaned.contains("onerror"), cleaned);
    assertFalse(cleaned.contains("style"), cleaned);
  }

  @Test
  void charactersHtmlDoesNotNeedEscapedComeBackAsWritten() {
    assertEquals(
        "<p>người H'Mông \"Sín Chéng\" @ a=b+c `x` &amp; &lt;b&gt;</p>",
        RichText.sanitize("<p>người H'Mông \"Sín Chéng\" @ a=b+c `x` &amp; &lt;b&gt;</p>"));
    assertEquals("H'Mông", RichText.sanitize("H'Mông"));
    // In a double-quoted value a '"' must stay a reference; "'" need not.
    assertEquals(
        "<a href=\"https://x.vn/?a=1&amp;b=2\" title=\"it's &#34;ok&#34; &#96; \" rel=\"noopener\">"
            + "l</a>",
        RichText.sanitize("<a href=\"https://x.vn/?a=1&b=2\" title='it&#39;s \"ok\" `'>l</a>"));
    // What the sanitiser adds against template injection stays.
    assertEquals("{<!-- -->{a}}", RichText.sanitize("{{a}}"));
  }

  @Test
  void linksGetNoopener() {
    assertEquals(
        "<a href=\"https://laocai.gov.vn\" rel=\"noopener\">Lào Cai</a>",
        RichText.sanitize("<a href=\"https://laocai.gov.vn\">Lào Cai</a>"));
  }

  @Test
  void plainTextDropsTagsDecodesReferencesAndCollapsesSpaces() {
    assertEquals(
        "Sa Pa Mây trắng & <xanh> bản Cát Cát",
        RichText.plainText(
            "<h2>Sa Pa</h2><p>Mây <strong>trắng</strong> &amp; &lt;xanh&gt;</p>"
                + "<ul><li>bản</li><li>Cát&nbsp;Cát</li></ul>"));
    assertEquals("a b", RichText.plainText("a<br>b"));
    assertEquals("ab", RichText.plainText("a<pre>b</pre>"));
    assertEquals("&amp;x 1 < 2", RichText.plainText("&amp;amp;x &#49; &lt; &#x32;"));
  }

  /**
   * The four regular expressions plainText was written with: the reference it must agree with
   * (character references decoded by the same method, which did not change).
   */
  private static String plainTextByRegex(String html) {
    Pattern blockBoundary =
        Pattern.compile(
            "(?i)<(?:/?(?:p|h[2-4]|li|blockquote|figcaption|caption|tr|td|th)|br|hr)\\b[^>]*>");
    Pattern entity = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);");
    String text =
        Pattern.compile("<[^>]*>")
            .matcher(blockBoundary.matcher(html).replaceAll(" "))
            .replaceAll("");
    text =
        entity.matcher(text).replaceAll(m -> Matcher.quoteReplacement(RichText.decode(m.group(1))));
    return Pattern.compile("\\s+").matcher(text).replaceAll(" ").strip();
  }

  @Test
  void plainTextAgreesWithTheRegularExpressionsOnRandomMarkup() {
    String[] pieces = {
      "<",
      ">",
      "/",
      "p",
      "P",
      "h2",
      "h5",
      "li",
      "br",
      "HR",
      "th",
      "thead",
      "td",
      "tr",
      "pre",
      "blockquote",
      "caption",
      "figcaption",
      " ",
      "\t",
      "\n",
      "\u00a0",
      "&",
      ";",
      "#",
      "#x",
      "x",
      "amp",
      "lt",
      "nbsp",
      "quot",
      "apos",
      "9",
      "41",
      "1114112",
      "99999999999",
      "fG",
      "é",
      "\u0301",
      "_",
      "a",
      "Lào Cai",
      "=",
      "\"",
      "'"
    };
    Random random = new Random(20261202);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder html = new StringBuilder();
      for (int n = random.nextInt(24); n > 0; n--) {
        html.append(pieces[random.nextInt(pieces.length)]);
      }
      String input = html.toString();
      assertEquals(plainTextByRegex(input), RichText.plainText(input), input);
    }
  }
}
