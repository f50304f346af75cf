package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review screens: the two-approver rule for a sensitive topic (journey 2), and a stale
 * translation with the source's changes, the revision diff and a restore (journey 3).
 */
@ExtendWith(UiServer.class)
class ReviewUiIT {
  private static final String TENANT = "lao-cai";
  private static final String STORIES = "api/admin/v1/" + TENANT + "/stories";

  static Api as(PayaraServer server, String user) {
    return Api.admin(server).as(user, SignInUiIT.PASSWORD);
  }

  /** A story created by {@code author} through the API; answers its id. */
  static String story(Api author, String json) {
    Api.Reply created = author.post(STORIES, json);
    assertEquals(201, created.status(), created::toString);
    return created.json().get("id").asText();
  }

  /** Brings what {@code css} names into view, then saves the step's screenshot. */
  static void shot(Browser browser, String css, String name) {
    browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.find(css));
    browser.screenshot(name);
  }

  static String sensitiveTopic(PayaraServer server) {
    JsonNode settings =
        Api.admin(server).get("api/admin/v1/" + TENANT + "/workflow-settings").json();
    return settings.get("sensitiveTopics").get(0).asText();
  }

  @Test
  void aSensitiveStoryNeedsTwoApproversNeitherItsAuthor(PayaraServer server) {
    SignInUiIT.member(server, "ui-review-author", TENANT, "editor", "approver");
    SignInUiIT.member(server, "ui-review-approver1", TENANT, "approver");
    SignInUiIT.member(server, "ui-review-approver2", TENANT, "approver");
    Api author = as(server, "ui-review-author");
    String id =
        story(
            author,
            "{\"kind\":\"festival-event\",\"topics\":[\""
                + sensitiveTopic(server)
                + "\"],\"translations\":{\"vi\":{\"title\":\"Lễ cấp sắc ở Bát Xát (duyệt hai"
                + " người)\",\"summary\":\"Nghi lễ trưởng thành của người Dao.\","
                + "\"body\":\"<p>Lễ cấp sắc là nghi lễ quan trọng.</p>\"}}}");
    String review = "#/review/stories/" + id + "/vi";

    // Each person in their own browser, as on their own computer.
    try (Browser browser = new Browser(server.base(), "review-two-approvers/1-author", "en-US")) {
      browser.signIn("ui-review-author", SignInUiIT.PASSWORD);
      browser.open(review);
      browser.waitText(".review-sensitive", "needs two approvers, neither its author");
      browser.waitText(".review-state", "Draft");
      browser.assertAccessible("review (draft)");
      browser.screenshot("author-sees-the-rule");

      browser.click("Submit for review");
      browser.waitText(".review-state", "In review");
      browser.waitText(".review-sensitive", "Approved by: nobody yet. Still needed: 2.");
      browser.screenshot("submitted");

      // The author is an approver too, but may not approve their own text: the server says why.
      browser.click("Approve");
      browser.waitText(".review-workflow .problem", "approvers must be other people");
      browser.assertAccessible("review (refused)");
      browser.screenshot("own-approval-refused");
    }
    try (Browser browser = new Browser(server.base(), "review-two-approvers/2-approver", "en-US")) {
      browser.signIn("ui-review-approver1", SignInUiIT.PASSWORD);
      browser.open(review);
      browser.waitText(".review-sensitive", "Still needed: 2.");
      browser.click("Approve");
      browser.waitText(".review-sensitive", "Approved by: ui-review-approver1. Still needed: 1.");
      browser.waitText(".review-state", "In review");
      assertTrue(
          browser.all(".review-actions button").stream()
              .noneMatch(b -> b.getText().contains("Publish")),
          "one approval of a sensitive story does not allow publishing");
      browser.assertAccessible("review (one approval)");
      shot(browser, ".review-workflow", "one-approval-one-more-needed");
    }
    try (Browser browser = new Browser(server.base(), "review-two-approvers/3-approver", "en-US")) {
      browser.signIn("ui-review-approver2", SignInUiIT.PASSWORD);
      browser.open(review);
      browser.waitText(".review-sensitive", "Approved by: ui-review-approver1. Still needed: 1.");
      browser.click("Approve");
      browser.waitText(
          ".review-sensitive",
          "Approved by: ui-review-approver1, ui-review-approver2. Still needed: 0.");
      browser.waitText(".review-state", "Approved");
      browser.screenshot("two-approvals");
      browser.click("Publish");
      browser.waitText(".review-state", "Published");
      browser.assertAccessible("review (published)");
      browser.screenshot("published");
    }
    JsonNode vi = author.get(STORIES + "/" + id).json().at("/translations/vi");
    assertEquals("published", vi.get("status").asText());
    assertEquals(1, vi.get("liveRevision").asInt());
  }

  @Test
  void aChangedSourceMarksTheTranslationStaleAndAnOldRevisionComesBack(PayaraServer server) {
    SignInUiIT.member(server, "ui-stale-editor", TENANT, "editor", "approver");
    Api editor = as(server, "ui-stale-editor");
    String id =
        story(
            editor,
            "{\"kind\":\"destination\",\"topics\":[\"rice-terraces\"],\"translations\":{"
                + "\"vi\":{\"title\":\"Ruộng bậc thang Y Tý mùa nước đổ\","
                + "\"summary\":\"Những thửa ruộng soi bóng mây trời.\","
                + "\"body\":\"<p>Tháng năm, nước đổ về các thửa ruộng.</p>\"},"
                + "\"en\":{\"title\":\"Y Ty rice terraces in the flooding season\","
                + "\"summary\":\"Terraces mirroring the sky.\","
                + "\"body\":\"<p>In May, water fills the terraces.</p>\"}}}");
    for (String locale : new String[] {"vi", "en"}) {
      Api.Reply published =
          editor.post(STORIES + "/" + id + "/translations/" + locale + "/publish", "");
      assertEquals(200, published.status(), published::toString);
    }
    // The Vietnamese source changes: the English translation now lags behind it.
    Api.Reply edited =
        editor.put(
            STORIES + "/" + id + "/translations/vi",
            "{\"title\":\"Ruộng bậc thang Y Tý mùa lúa chín\","
                + "\"summary\":\"Những thửa ruộng soi bóng mây trời.\","
                + "\"body\":\"<p>Tháng chín, lúa chín vàng các thửa ruộng.</p>\"}");
    assertEquals(200, edited.status(), edited::toString);

    try (Browser browser = new Browser(server.base(), "review-stale-restore", "vi")) {
      browser.signIn("ui-stale-editor", SignInUiIT.PASSWORD);
      browser.open("#/review/stories/" + id + "/en");
      browser.waitText(".review-stale .badge", "Bản dịch cần cập nhật");
      browser.waitText(".review-stale dt", "Tiêu đề");
      WebElement inserted = browser.waitText(".review-stale ins", "lúa chín");
      assertTrue(inserted.isDisplayed());
      browser.waitText(".review-stale del", "nước đổ");
      browser.waitText(".review-locales", "Cần cập nhật");
      browser.assertAccessible("review (stale translation)");
      shot(browser, ".review-stale", "english-is-stale");

      // The translator checked the English against the new source: it is current again.
      browser.click("Đánh dấu đã xem lại");
      new WebDriverWait(browser.driver, Duration.ofSeconds(15))
          .until(d -> browser.all(".review-stale").isEmpty());
      shot(browser, ".review-history", "marked-as-reviewed");
      assertEquals(
          "false",
          editor.get(STORIES + "/" + id).json().at("/translations/en/stale").asText(),
          "marked as reviewed");

      // An embargo typed in the province's time zone (UTC+7) is stored as the same instant.
      browser.find(".review-schedule summary").click();
      browser.waitText(".review-schedule .hint", "Giờ Việt Nam (GMT+07:00, Asia/Ho_Chi_Minh)");
      browser.script(
          "arguments[0].value = '2030-01-02T08:00'", browser.find("#wf-en-embargoUntil"));
      browser.click("Lưu hẹn giờ");
      waitUntil(
          "the embargo is saved",
          Duration.ofSeconds(15),
          () ->
              "2030-01-02T01:00:00Z"
                  .equals(
                      editor
                          .get(STORIES + "/" + id)
                          .json()
                          .at("/translations/en/embargoUntil")
                          .asText()));
      browser.waitText(".review-schedule", "Chưa công bố trước");
      assertEquals(
          "2030-01-02T08:00",
          browser.script("return document.querySelector('#wf-en-embargoUntil').value"));
      shot(browser, ".review-schedule", "embargo-in-the-province-time-zone");

      // The Vietnamese history: compare revision 1 with 2, then bring revision 1 back.
      browser.click("Tiếng Việt");
      browser.waitText(".review-workflow h2", "Tiếng Việt");
      browser.waitText(".review-revisions", "Ruộng bậc thang Y Tý mùa lúa chín");
      browser.click("So sánh");
      browser.waitText(".review-diff h3", "Thay đổi từ phiên bản 1 đến phiên bản 2");
      browser.waitText(".review-diff del", "nước đổ");
      browser.waitText(".review-diff ins", "lúa chín");
      browser.waitText(".review-diff dt", "Nội dung");
      browser.assertAccessible("review (diff)");
      shot(browser, ".review-diff", "revision-diff");

      browser.find("button[aria-label='Khôi phục phiên bản 1']").click();
      browser.waitText(".review-confirm", "Khôi phục phiên bản 1?");
      shot(browser, ".review-confirm", "restore-confirmation");
      browser.click("Đồng ý, khôi phục");
      browser.waitText(".review-text h2", "Ruộng bậc thang Y Tý mùa nước đổ");
      browser.waitText(
          ".review-revisions tbody tr:first-child", "Ruộng bậc thang Y Tý mùa nước đổ");
      browser.assertAccessible("review (restored)");
      shot(browser, ".review-revisions", "restored");
    }
    JsonNode vi = editor.get(STORIES + "/" + id).json().at("/translations/vi");
    assertEquals("Ruộng bậc thang Y Tý mùa nước đổ", vi.get("title").asText());
    assertEquals("<p>Tháng năm, nước đổ về các thửa ruộng.</p>", vi.get("body").asText());
    assertEquals(3, vi.get("revision").asInt());
    assertEquals("draft", vi.get("status").asText());
  }

  @Test
  void aReturnedTranslationCarriesTheReviewersComment(PayaraServer server) {
    SignInUiIT.member(server, "ui-return-editor", TENANT, "editor");
    SignInUiIT.member(server, "ui-return-approver", TENANT, "approver");
    Api editor = as(server, "ui-return-editor");
    String id =
        story(
            editor,
            "{\"kind\":\"festival-event\",\"translations\":{\"vi\":{\"title\":\"Chợ phiên"
                + " Cán Cấu\",\"body\":\"<p>Chợ họp sáng thứ bảy.</p>\"}}}");
    Api.Reply submitted = editor.post(STORIES + "/" + id + "/translations/vi/submit", "");
    assertEquals(200, submitted.status(), submitted::toString);

    try (Browser browser = new Browser(server.base(), "review-return", "vi")) {
      browser.signIn("ui-return-approver", SignInUiIT.PASSWORD);
      browser.open("#/review/stories/" + id + "/vi");
      browser.waitText(".review-state", "Chờ duyệt");
      browser.click("Trả lại…");
      browser.type("#wf-vi-reject", "Thêm ảnh và tên người chụp.");
      browser.assertAccessible("review (returning)");
      shot(browser, ".review-reject", "return-with-a-comment");
      browser.click("Trả lại cho tác giả");
      browser.waitText(".review-state", "Bản nháp");
      browser.waitText(".review-comments", "Thêm ảnh và tên người chụp.");
      browser.waitText(".review-workflow .warning", "ui-return-approver");

      browser.type("#wf-vi-comment", "Hạn chót: thứ sáu.");
      browser.click("Gửi ý kiến");
      browser.waitText(".review-comments li:last-child", "Hạn chót: thứ sáu.");
      browser.assertAccessible("review (returned)");
      shot(browser, ".review-thread", "returned-with-the-thread");
    }
    JsonNode comments = editor.get(STORIES + "/" + id + "/comments").json().get("items");
    assertEquals(2, comments.size(), comments::toString);
    assertEquals("Thêm ảnh và tên người chụp.", comments.get(0).get("body").asText());
    assertEquals("vi", comments.get(1).get("locale").asText());
  }
}
