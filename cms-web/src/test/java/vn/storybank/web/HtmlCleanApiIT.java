package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pasted rich text is cleaned by the server exactly as a saved body is. */
@ExtendWith(EmbeddedServer.class)
class HtmlCleanApiIT {
  private static final String T = "api/admin/v1/lao-cai/";

  /** What Word 2016 puts on the clipboard for a heading, a paragraph and a bulleted item. */
  static final String WORD =
      "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\""
          + " xmlns:w=\"urn:schemas-microsoft-com:office:word\">\n"
          + "<head><meta name=ProgId content=Word.Document>"
          + "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument>"
          + "</xml><![endif]-->"
          + "<style><!-- p.MsoNormal {margin:0cm; font-family:\"Calibri\",sans-serif;} --></style>"
          + "</head><body lang=VI style='tab-interval:36.0pt'>"
          + "<!--StartFragment-->"
          + "<h2 class=MsoTitle style='mso-outline-level:2'><span lang=VI"
          + " style='font-size:16.0pt;mso-bidi-font-family:Arial'>Mùa hoa tam giác mạch</span>"
          + "<o:p></o:p></h2>"
          + "<p class=MsoNormal style='margin-bottom:8.0pt;line-height:107%'>"
          + "<b style='mso-bidi-font-weight:normal'><span style='color:#C00000'>Hà Giang</span></b>"
          + "<span style='mso-spacerun:yes'> </span>vào <i>mùa</i> hoa.<o:p>&nbsp;</o:p></p>"
          + "<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
          + "<![if !supportLists]><span style='font-family:Symbol'>·<span"
          + " style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span><![endif]>"
          + "Ruộng bậc thang<o:p></o:p></p>"
          + "<a href=\"javascript:alert(1)\" onclick=\"x()\">lừa</a>"
          + "<script>alert(1)</script>"
          + "<!--EndFragment--></body></html>";

  @Test
  void wordHtmlComesBackAsTheBodyWouldBeStored(PayaraServer server) {
    Api api = Api.admin(server);
    ObjectNode input = JsonNodeFactory.instance.objectNode().put("html", WORD);
    Api.Reply cleaned = api.post(T + "html/clean", input.toString());
    assertEquals(200, cleaned.status(), cleaned::toString);
    String html = cleaned.json().get("html").asText();
    for (String gone :
        new String[] {
          "mso",
          "Mso",
          "o:p",
          "<span",
          "style",
          "class=",
          "<!--",
          "<script",
          "alert",
          "javascript",
          "onclick",
          "WordDocument",
          "font-family",
          "<html",
          "<head",
          "<meta"
        }) {
      assertFalse(html.contains(gone), () -> "\"" + gone + "\" kept in " + html);
    }
    assertTrue(html.contains("<h2>Mùa hoa tam giác mạch</h2>"), html);
    assertTrue(html.contains("<b>Hà Giang</b>"), html);
    assertTrue(html.contains("<i>mùa</i> hoa."), html);
    assertTrue(html.contains("Ruộng bậc thang"), html);

    // The same sanitiser as on write: a story saved with the Word HTML stores exactly this.
    ObjectNode story = JsonNodeFactory.instance.objectNode().put("kind", "destination");
    story
        .putObject("translations")
        .putObject("vi")
        .put("title", "Dán từ Word " + System.nanoTime())
        .put("body", WORD);
    Api.Reply saved = api.post(T + "stories", story.toString());
    assertEquals(201, saved.status(), saved::toString);
    assertEquals(html, saved.json().at("/translations/vi/body").asText());
  }

  @Test
  void aBodyWithoutHtmlIsRefusedNamingTheField(PayaraServer server) {
    Api.Reply refused = Api.admin(server).post(T + "html/clean", "{}");
    assertEquals(400, refused.status(), refused::toString);
    assertEquals("html", refused.json().at("/errors/0/field").asText(), refused::toString);
    Api.Reply unknown = Api.admin(server).post(T + "html/clean", "{\"htm\":\"<p>x</p>\"}");
    assertEquals(400, unknown.status(), unknown::toString);
  }
}
