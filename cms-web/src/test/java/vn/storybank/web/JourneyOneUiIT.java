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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.storybank.core.media.TestMedia;

/**
 * Journey 1, whole: an editor's Vietnamese story with a place and a photo and its English
 * translation goes through review to the English portal's feed, and a search without diacritics
 * finds it. The editor writes both languages side by side in the entry editor and submits them; the
 * approver approves and publishes on the review screen.
 */
@ExtendWith(UiServer.class)
class JourneyOneUiIT {
  private static final String TENANT = "lao-cai";
  private static final String ADMIN = "api/admin/v1/" + TENANT;
  private static final String SAVE = ".editor-head button[type=submit]";

  @Test
  void aStoryGoesFromTheEditorThroughReviewToTheEnglishPortal(PayaraServer server)
      throws IOException, InterruptedException {
    SignInUiIT.member(server, "ui-j1-editor", TENANT, "editor");
    SignInUiIT.member(server, "ui-j1-approver", TENANT, "approver");
    Api editor = ReviewUiIT.as(server, "ui-j1-editor");
    String mark = UUID.randomUUID().toString().substring(0, 8);

    // The photo is in the media library, published (the media screens have their own journey).
    String photoTitle = "Đồi hoa tam giác mạch " + mark;
    String photo = upload(server, photoTitle);
    Api.Reply published =
        ReviewUiIT.as(server, "ui-j1-approver")
            .post(ADMIN + "/media/" + photo + "/translations/vi/publish", "");
    assertEquals(200, published.status(), published::toString);

    String title = "Mùa hoa tam giác mạch ở Sa Pa " + mark;
    String english = "Buckwheat flower season in Sa Pa " + mark;
    String id;
    // Each person in their own browser, as on their own computer.
    try (Browser browser = new Browser(server.base(), "journey-1/1-editor", "vi")) {
      browser.signIn("ui-j1-editor", SignInUiIT.PASSWORD);
      browser.open("#/stories/new");
      browser.waitText(".editor-head h1", "Câu chuyện mới");
      new Select(browser.find("#f-kind")).selectByValue("destination");
      browser.type("#f-places-filter", "sa pa");
      browser.clickOn("#f-places .term-list label", "Phường Sa Pa");
      browser.waitText("#f-places .chips", "Phường Sa Pa");
      browser.find("#f-heroMedia button").click();
      browser.type("#f-heroMedia dialog input[type=search]", "doi hoa " + mark);
      browser.clickOn("#f-heroMedia .media-hit", photoTitle);
      browser.find("#f-heroMedia .media-chosen img");
      browser.type("#f-vi-title", title);
      browser
          .find("#f-vi-body")
          .sendKeys("Cuối thu, những triền đồi Sa Pa nở hồng hoa tam giác mạch.");
      browser.assertAccessible("editor (new story)");
      ReviewUiIT.shot(browser, "#f-heroMedia", "vietnamese-story-with-place-and-photo");
      browser.find(SAVE).click();
      new WebDriverWait(browser.driver, Duration.ofSeconds(15))
          .ignoring(StaleElementReferenceException.class)
          .until(
              d ->
                  !d.getCurrentUrl().endsWith("/new")
                      && browser.find(".editor-head h1").getText().equals(title));
      saved(browser);
      String url = browser.driver.getCurrentUrl();
      id = url.substring(url.lastIndexOf('/') + 1);

      // The English translation beside the Vietnamese, then submitted from the editor's panel.
      browser.find(".add-translation").click();
      browser.type("#f-en-title", english);
      browser.find("#f-en-body").sendKeys("In late autumn the hillsides of Sa Pa turn pink.");
      browser.find(SAVE).click();
      saved(browser);
      browser.waitText(".review-workflow h2", "Tiếng Anh");
      browser.assertAccessible("editor (side by side)");
      browser.screenshot("english-beside-vietnamese");
      browser.click("Gửi duyệt");
      browser.waitText(".review-workflow .review-state", "Chờ duyệt");
      ReviewUiIT.shot(browser, ".review-workflow", "english-submitted-in-the-editor");

      // The source is submitted on the review screen, which the workflow panel links to.
      browser.click("Mở màn hình duyệt");
      browser.waitText(".review-text h2", title);
      browser.click("Tiếng Việt");
      browser.waitText(".review-workflow h2", "Tiếng Việt");
      browser.click("Gửi duyệt");
      browser.waitText(".review-state", "Chờ duyệt");
      browser.assertAccessible("review (editor)");
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
    assertEquals(english, item.get("title").asText());
    assertEquals("en", item.get("language").asText());
    assertTrue(item.hasNonNull("image"), () -> "the photo is in the feed: " + item);
    JsonNode story = editor.get(ADMIN + "/stories/" + id).json();
    assertEquals("sa-pa", story.at("/places/0").asText(), story::toString);
    assertEquals(photo, story.get("heroMedia").asText(), story::toString);

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

  /** Waits until the editor shows nothing unsaved (the save went through). */
  private static void saved(Browser browser) {
    new WebDriverWait(browser.driver, Duration.ofSeconds(15))
        .withMessage(() -> "still unsaved: " + browser.find("main").getText())
        .until(
            d ->
                browser.all(".editor-head .unsaved").isEmpty()
                    && browser.all(".editor .problem").isEmpty()
                    && browser.find(SAVE).isEnabled());
  }

  private static boolean hits(JsonNode answer, String id) {
    return StreamSupport.stream(answer.get("hits").spliterator(), false)
        .anyMatch(h -> h.get("id").asText().equals(id));
  }

  /** A photo with its file, credit and Vietnamese caption, uploaded as the editor. */
  private static String upload(PayaraServer server, String title)
      throws IOException, InterruptedException {
    HttpResponse<String> uploaded =
        HttpClient.newHttpClient()
            .send(
                Multipart.upload(
                        server.base().resolve(ADMIN + "/media"),
                        TestMedia.jpeg(1200, 800),
                        "image/jpeg",
                        "tam-giac-mach.jpg",
                        "{\"mediaType\":\"photo\",\"credit\":\"Ảnh: Lò Văn Hoa\","
                            + "\"translations\":{\"vi\":{\"title\":\""
                            + title
                            + "\",\"caption\":\"Đồi hoa tam giác mạch ở Sa Pa\","
                            + "\"altText\":\"Triền đồi phủ hoa màu hồng\"}}}")
                    .header("Authorization", Api.basic("ui-j1-editor", SignInUiIT.PASSWORD))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(201, uploaded.statusCode(), uploaded::body);
    return new Api.Reply(uploaded).json().get("id").asText();
  }
}
