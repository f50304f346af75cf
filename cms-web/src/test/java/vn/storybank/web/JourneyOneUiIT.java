package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.storybank.core.media.TestMedia;

/**
 * Journey 1, whole: an editor's Vietnamese story with a place and a photo and its English
 * translation goes through review to the English portal's feed, and a search without diacritics
 * finds it. The story and its translation are written through the API (the entry editor is its own
 * screen); submitting, approving and publishing happen on the review screen.
 */
@ExtendWith(UiServer.class)
class JourneyOneUiIT {
  private static final String TENANT = "lao-cai";
  private static final String ADMIN = "api/admin/v1/" + TENANT;

  @Test
  void aStoryGoesFromTheEditorThroughReviewToTheEnglishPortal(PayaraServer server)
      throws IOException, InterruptedException {
    SignInUiIT.member(server, "ui-j1-editor", TENANT, "editor");
    SignInUiIT.member(server, "ui-j1-approver", TENANT, "approver");
    Api editor = ReviewUiIT.as(server, "ui-j1-editor");
    Api approver = ReviewUiIT.as(server, "ui-j1-approver");
    String mark = UUID.randomUUID().toString().substring(0, 8);

    String photo = upload(server);
    assertEquals(
        200, approver.post(ADMIN + "/media/" + photo + "/translations/vi/publish", "").status());
    String id =
        ReviewUiIT.story(
            editor,
            "{\"kind\":\"destination\",\"places\":[\"y-ty\"],\"topics\":[\"rice-terraces\"],"
                + "\"heroMedia\":\""
                + photo
                + "\",\"translations\":{\"vi\":{\"title\":\"Mùa hoa tam giác mạch ở Y Tý "
                + mark
                + "\",\"summary\":\"Những triền đồi nở hồng hoa tam giác mạch.\","
                + "\"body\":\"<p>Cuối thu, cả vùng cao Y Tý vào mùa hoa.</p>\"}}}");
    Api.Reply english =
        editor.put(
            ADMIN + "/stories/" + id + "/translations/en",
            "{\"title\":\"Buckwheat flower season in Y Ty "
                + mark
                + "\",\"summary\":\"Hillsides turn pink with buckwheat flowers.\","
                + "\"body\":\"<p>In late autumn the highlands of Y Ty bloom.</p>\"}");
    assertEquals(201, english.status(), english::toString);

    // Each person in their own browser, as on their own computer.
    try (Browser browser = new Browser(server.base(), "journey-1/1-editor", "vi")) {
      browser.signIn("ui-j1-editor", SignInUiIT.PASSWORD);
      browser.open("#/review/stories/" + id + "/en");
      browser.waitText(".review-text h2", "Mùa hoa tam giác mạch ở Y Tý " + mark);
      browser.waitText(".review-text h2", "Buckwheat flower season in Y Ty " + mark);
      browser.assertAccessible("review (editor, side by side)");
      browser.screenshot("editor-sees-both-languages");
      browser.click("Gửi duyệt");
      browser.waitText(".review-state", "Chờ duyệt");
      browser.click("Tiếng Việt");
      browser.waitText(".review-workflow h2", "Tiếng Việt");
      browser.click("Gửi duyệt");
      browser.waitText(".review-state", "Chờ duyệt");
      browser.screenshot("both-submitted");
    }
    try (Browser browser = new Browser(server.base(), "journey-1/2-approver", "vi")) {
      browser.signIn("ui-j1-approver", SignInUiIT.PASSWORD);
      browser.open("#/review/stories/" + id + "/vi");
      browser.waitText(".review-state", "Chờ duyệt");
      browser.waitText(".review-rule", "Cần một người duyệt");
      browser.assertAccessible("review (approver)");
      browser.screenshot("approver-opens-the-story");
      browser.click("Duyệt");
      browser.waitText(".review-state", "Đã duyệt");
      browser.click("Xuất bản");
      browser.waitText(".review-state", "Đã xuất bản");
      browser.click("Tiếng Anh");
      browser.waitText(".review-workflow h2", "Tiếng Anh");
      browser.click("Duyệt");
      browser.waitText(".review-state", "Đã duyệt");
      browser.click("Xuất bản");
      browser.waitText(".review-state", "Đã xuất bản");
      browser.assertAccessible("review (published)");
      browser.screenshot("both-published");
    }

    // The English portal's feed carries it, in English.
    Api anonymous = editor.anonymous();
    JsonNode feed = anonymous.get("api/v1/" + TENANT + "/channels/en-portal/feed.json").json();
    JsonNode item =
        StreamSupport.stream(feed.get("items").spliterator(), false)
            .filter(i -> i.get("id").asText().equals("urn:uuid:" + id))
            .findFirst()
            .orElseThrow(() -> new AssertionError("not in the en-portal feed: " + feed));
    assertEquals("Buckwheat flower season in Y Ty " + mark, item.get("title").asText());
    assertEquals("en", item.get("language").asText());

    // Without diacritics, `mua hoa` finds it: in editor search and in public search.
    String q = URLEncoder.encode("mua hoa " + mark, StandardCharsets.UTF_8);
    waitUntil(
        "the editor search finds the story",
        Duration.ofSeconds(15),
        () -> hits(editor.get(ADMIN + "/search?q=" + q).json(), id));
    waitUntil(
        "the public search finds the story",
        Duration.ofSeconds(15),
        () -> hits(anonymous.get("api/v1/" + TENANT + "/search?q=" + q + "&locale=vi").json(), id));
    String plain = URLEncoder.encode("mua hoa", StandardCharsets.UTF_8);
    assertTrue(
        hits(editor.get(ADMIN + "/search?q=" + plain + "&limit=100").json(), id),
        "`mua hoa` alone finds it among the editor's hits");
  }

  private static boolean hits(JsonNode answer, String id) {
    return StreamSupport.stream(answer.get("hits").spliterator(), false)
        .anyMatch(h -> h.get("id").asText().equals(id));
  }

  /** A photo uploaded as the editor, with its credit and a Vietnamese caption. */
  private static String upload(PayaraServer server) throws IOException, InterruptedException {
    HttpResponse<String> uploaded =
        HttpClient.newHttpClient()
            .send(
                Multipart.upload(
                        server.base().resolve(ADMIN + "/media"),
                        TestMedia.jpeg(1200, 800),
                        "image/jpeg",
                        "tam-giac-mach.jpg",
                        "{\"mediaType\":\"photo\",\"credit\":\"Ảnh: Lò Văn Hoa\","
                            + "\"translations\":{\"vi\":{\"title\":\"Hoa tam giác mạch\","
                            + "\"caption\":\"Đồi hoa tam giác mạch ở Y Tý\","
                            + "\"altText\":\"Triền đồi phủ hoa màu hồng\"}}}")
                    .header("Authorization", Api.basic("ui-j1-editor", SignInUiIT.PASSWORD))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(201, uploaded.statusCode(), uploaded::body);
    return new Api.Reply(uploaded).json().get("id").asText();
  }
}
