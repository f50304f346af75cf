package vn.storybank.core.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
  void linksGetNoopener() {
    assertEquals(
        "<a href=\"https://laocai.gov.vn\" rel=\"noopener\">Lào Cai</a>",
        RichText.sanitize("<a href=\"https://laocai.gov.vn\">Lào Cai</a>"));
  }
}
