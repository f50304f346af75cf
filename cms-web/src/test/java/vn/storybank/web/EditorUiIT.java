package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The entry editor: a story written in Vietnamese with the English translation beside it, two
 * people saving the same story (journey 5), Word paste cleaned by the server, and a session that
 * ends while typing.
 */
@ExtendWith(UiServer.class)
class EditorUiIT {
  private static final String T = "api/admin/v1/lao-cai/";
  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);
  private static final String SAVE = ".editor-head button[type=submit]";

  private static String story(PayaraServer server, String title) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("kind", "destination");
    body.putObject("translations")
        .putObject("vi")
        .put("title", title)
        .put("subtitle", "Phụ đề gốc");
    Api.Reply created = Api.admin(server).post(T + "stories", body.toString());
    assertEquals(201, created.status(), created::toString);
    return created.json().get("id").asText();
  }

  private static JsonNode stored(PayaraServer server, String id) {
    Api.Reply reply = Api.admin(server).get(T + "stories/" + id);
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  /** Waits until the editor shows nothing unsaved (the save went through). */
  private static void saved(Browser browser) {
    new WebDriverWait(browser.driver, Duration.ofSeconds(15))
        .withMessage(() -> "still unsaved: " + browser.find("main").getText())
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                browser.all(".editor-head .unsaved").isEmpty()
                    && browser.all(".editor .problem").isEmpty()
                    && browser.find(SAVE).isEnabled());
  }

  /** Types at the end of a rich-text body (sendKeys puts the caret there). */
  private static void typeInto(Browser browser, String css, CharSequence... keys) {
    browser.find(css).sendKeys(keys);
  }

  @Test
  void aStoryWrittenInVietnameseGetsItsEnglishTranslationSideBySide(PayaraServer server) {
    String user = "ui-ed-writer-" + RUN;
    SignInUiIT.member(server, user, "lao-cai", "editor");
    String title = "Mùa hoa tam giác mạch " + RUN;
    try (Browser browser = new Browser(server.base(), "editor-new-story", "vi")) {
      browser.signIn(user, SignInUiIT.PASSWORD);
      browser.open("#/stories/new");
      browser.waitText(".editor-head h1", "Câu chuyện mới");
      browser.assertAccessible("new story");
      browser.screenshot("new-story");

      new Select(browser.find("#f-kind")).selectByValue("festival-event");
      browser.waitText("#f-places .term-list", "Tỉnh Lào Cai");
      browser.script("document.querySelector('#f-places').scrollIntoView()");
      browser.screenshot("place-tree");
      browser.type("#f-places-filter", "sa pa");
      browser.clickOn("#f-places .term-list label", "Phường Sa Pa");
      browser.waitText("#f-places .chips", "Phường Sa Pa");
      browser.screenshot("place-picked");
      browser.find("#f-heroMedia button").click();
      browser.type("#f-heroMedia dialog input[type=search]", "thac ba");
      browser.screenshot("media-picker");
      browser.clickOn("#f-heroMedia .media-hit", "Thác Bà");
      browser.find("#f-heroMedia .media-chosen img");

      browser.type("#f-relatedStories-q", "ruong bac thang");
      browser.find("#f-relatedStories .term-list button").click();
      browser.find("#f-relatedStories .chosen-entries li");

      browser.type("#f-vi-title", title);
      typeInto(browser, "#f-vi-body", "Mùa hoa");
      browser.find("sb-richtext:has(#f-vi-body) button[aria-label='Tiêu đề mục']").click();
      typeInto(browser, "#f-vi-body", Keys.ENTER, "Những nơi ngắm hoa", Keys.ENTER);
      browser.find("sb-richtext:has(#f-vi-body) button[aria-label='Danh sách dấu chấm']").click();
      typeInto(browser, "#f-vi-body", "Đồi Mâm Xôi", Keys.ENTER, "Bản Cát Cát");
      browser.waitText("#f-vi-body h2", "Mùa hoa");
      browser.waitText("#f-vi-body ul li", "Cát Cát");
      browser.screenshot("vietnamese-typed");

      browser.find(SAVE).click();
      // The new story's own address replaces #/stories/new, and its editor the new one.
      new WebDriverWait(browser.driver, Duration.ofSeconds(15))
          .ignoring(StaleElementReferenceException.class)
          .until(
              d ->
                  !d.getCurrentUrl().endsWith("/new")
                      && browser.find(".editor-head h1").getText().equals(title));
      saved(browser);
      String url = browser.driver.getCurrentUrl();
      String id = url.substring(url.lastIndexOf('/') + 1);
      browser.screenshot("saved");

      assertEquals(
          "en",
          new Select(browser.find("#pane-locale")).getFirstSelectedOption().getAttribute("value"));
      browser.find(".add-translation").click();
      browser.type("#f-en-title", "Buckwheat flower season " + RUN);
      typeInto(browser, "#f-en-body", "Where to see the flowers");
      browser.find(SAVE).click();
      saved(browser);
      browser.waitText(".editor-panes .badge", "Bản nháp");
      assertEquals(
          "Buckwheat flower season " + RUN, browser.find("#f-en-title").getAttribute("value"));
      browser.assertAccessible("story with its translation");
      browser.screenshot("side-by-side");

      JsonNode story = stored(server, id);
      assertEquals("festival-event", story.get("kind").asText());
      assertEquals("sa-pa", story.at("/places/0").asText(), story::toString);
      assertTrue(story.hasNonNull("heroMedia"), story::toString);
      assertEquals(1, story.get("relatedStories").size(), story::toString);
      JsonNode hero = stored(server, id).get("heroMedia");
      Api.Reply media = Api.admin(server).get(T + "media/" + hero.asText());
      assertTrue(media.body().contains("Thác Bà"), media::toString);
      String body = story.at("/translations/vi/body").asText();
      assertTrue(body.contains("<h2>Mùa hoa</h2>"), body);
      assertTrue(
          body.contains("<li>Đồi Mâm Xôi</li>") && body.contains("<li>Bản Cát Cát</li>"), body);
      assertEquals(title, story.at("/translations/vi/title").asText());
      assertEquals("Buckwheat flower season " + RUN, story.at("/translations/en/title").asText());
      assertTrue(story.at("/translations/en/body").asText().contains("Where to see the flowers"));
    }
  }

  @Test
  void twoPeopleSavingTheSameStoryChooseFieldByFieldAndLoseNothing(PayaraServer server) {
    String first = "ui-ed-first-" + RUN;
    String second = "ui-ed-second-" + RUN;
    SignInUiIT.member(server, first, "lao-cai", "editor");
    SignInUiIT.member(server, second, "lao-cai", "editor");
    String id = story(server, "Cầu kính Rồng Mây " + RUN);
    try (Browser one = new Browser(server.base(), "editor-conflict-first", "vi");
        Browser two = new Browser(server.base(), "editor-conflict-second", "vi")) {
      one.signIn(first, SignInUiIT.PASSWORD);
      two.signIn(second, SignInUiIT.PASSWORD);
      one.open("#/stories/" + id);
      two.open("#/stories/" + id);
      one.waitText(".editor-head h1", "Rồng Mây");
      two.waitText(".editor-head h1", "Rồng Mây");

      one.type("#f-vi-title", "Cầu kính Rồng Mây mùa đông " + RUN);
      one.type("#f-vi-subtitle", "Phụ đề của người thứ nhất");
      one.find(SAVE).click();
      saved(one);
      one.screenshot("first-saved");

      two.type("#f-vi-title", "Cầu kính Rồng Mây nhìn từ đèo Ô Quy Hồ " + RUN);
      two.type("#f-vi-subtitle", "Phụ đề của người thứ hai");
      two.find(SAVE).click();
      two.waitText(".conflict h2", "Xung đột");
      two.waitText(".conflict", "Phụ đề của người thứ nhất");
      two.waitText(".conflict", "Phụ đề của người thứ hai");
      two.assertAccessible("conflict");
      two.screenshot("conflict");

      two.find("tr.conflict-row[data-field='vi.title'] input[value=mine]").click();
      two.find("tr.conflict-row[data-field='vi.subtitle'] input[value=theirs]").click();
      two.screenshot("chosen");
      two.click("Lưu theo lựa chọn này");
      saved(two);
      assertTrue(two.all(".conflict").isEmpty());
      two.screenshot("saved-after-conflict");

      JsonNode story = stored(server, id);
      assertEquals(
          "Cầu kính Rồng Mây nhìn từ đèo Ô Quy Hồ " + RUN,
          story.at("/translations/vi/title").asText());
      assertEquals("Phụ đề của người thứ nhất", story.at("/translations/vi/subtitle").asText());
      assertEquals(second, story.get("updatedBy").asText());
    }
  }

  @Test
  void wordPasteIsCleanedByTheServerBeforeItIsShown(PayaraServer server) {
    String user = "ui-ed-paste-" + RUN;
    SignInUiIT.member(server, user, "lao-cai", "editor");
    try (Browser browser = new Browser(server.base(), "editor-word-paste", "en-US")) {
      browser.signIn(user, SignInUiIT.PASSWORD);
      browser.open("#/stories/new");
      browser.waitText(".editor-head h1", "New story");
      // Each problem of the server's answer stands next to the field it names.
      browser.find(SAVE).click();
      browser.waitText("#f-vi-title-problem", "is required");
      browser.waitText(".field:has(#f-kind) .field-problem", "must be one of");
      assertEquals("true", browser.find("#f-vi-title").getAttribute("aria-invalid"));
      browser.assertAccessible("new story with problems");
      browser.screenshot("problems-by-field");
      browser.script(
          "const body = document.querySelector('#f-vi-body');"
              + "body.focus();"
              + "const data = new DataTransfer();"
              + "data.setData('text/html', arguments[0]);"
              + "data.setData('text/plain', 'Mùa hoa tam giác mạch');"
              + "body.dispatchEvent(new ClipboardEvent('paste',"
              + " {clipboardData: data, bubbles: true, cancelable: true}));",
          HtmlCleanApiIT.WORD);
      browser.waitText("#f-vi-body h2", "Mùa hoa tam giác mạch");
      browser.waitText("#f-vi-body p b", "Hà Giang");
      String shown =
          (String) browser.script("return document.querySelector('#f-vi-body').innerHTML");
      for (String gone : new String[] {"mso", "Mso", "o:p", "style", "class", "<span", "script"}) {
        assertFalse(shown.contains(gone), () -> "\"" + gone + "\" shown in " + shown);
      }
      assertTrue(shown.contains("Ruộng bậc thang"), shown);
      browser.script("document.querySelector('#f-vi-body').scrollIntoView()");
      browser.screenshot("pasted");
    }
  }

  @Test
  void aSessionThatEndsWhileTypingLosesNothing(PayaraServer server) {
    String user = "ui-ed-session-" + RUN;
    SignInUiIT.member(server, user, "lao-cai", "editor");
    String id = story(server, "Chợ phiên Bắc Hà " + RUN);
    String kept = "Chợ phiên Bắc Hà ngày chủ nhật " + RUN;
    try (Browser browser = new Browser(server.base(), "editor-session-ends", "vi")) {
      browser.signIn(user, SignInUiIT.PASSWORD);
      browser.open("#/stories/" + id);
      browser.waitText(".editor-head h1", "Bắc Hà");

      // Every browser session of the user ends when an administrator resets the password.
      String password = "a-new-session-Pa55word";
      Api.Reply reset =
          Api.admin(server)
              .put(
                  "api/admin/v1/users/" + user + "/password",
                  "{\"newPassword\":\"" + password + "\"}");
      assertEquals(204, reset.status(), reset::toString);

      browser.type("#f-vi-title", kept);
      browser.find(SAVE).click();
      browser.waitText("form.signin .notice", "giữ trên máy");
      browser.screenshot("session-ended");

      browser.type("#username", user);
      browser.type("#password", password);
      browser.find("form.signin button[type=submit]").click();
      browser.waitText(".kept", "chưa lưu");
      browser.assertAccessible("kept text offered");
      browser.screenshot("kept-text-offered");
      browser.click("Khôi phục nội dung đã giữ");
      assertEquals(kept, browser.find("#f-vi-title").getAttribute("value"));
      browser.find(SAVE).click();
      saved(browser);
      browser.screenshot("restored-and-saved");
      assertEquals(kept, stored(server, id).at("/translations/vi/title").asText());
    }
  }

  @Test
  void productsAndCollectionsHaveTheirFieldsAndAStrayClickLosesNoEdit(PayaraServer server) {
    String user = "ui-ed-product-" + RUN;
    SignInUiIT.member(server, user, "lao-cai", "editor");
    Api admin = Api.admin(server);
    JsonNode product = admin.get(T + "products?limit=1&view=full").json().at("/items/0");
    String productId = product.get("id").asText();
    ObjectNode kit = JsonNodeFactory.instance.objectNode().put("purpose", "press-kit");
    kit.putArray("items").add(productId);
    kit.putObject("translations").putObject("vi").put("title", "Bộ tài liệu báo chí " + RUN);
    Api.Reply collection = admin.post(T + "collections", kit.toString());
    assertEquals(201, collection.status(), collection::toString);
    try (Browser browser = new Browser(server.base(), "editor-product-collection", "vi")) {
      browser.signIn(user, SignInUiIT.PASSWORD);
      browser.open("#/products/" + productId);
      browser.waitText(".editor-fields legend", "Chủ thể sản xuất");
      assertEquals(
          product.at("/ocop/stars").asText(),
          new Select(browser.find("#f-ocop-stars")).getFirstSelectedOption().getAttribute("value"));
      browser.assertAccessible("product");
      browser.screenshot("product");
      browser.script("document.querySelector('.editor-fields').scrollIntoView()");
      browser.screenshot("product-fields");

      // Leaving with an unsaved edit asks first; staying keeps the edit.
      browser.type("#f-vi-title", "Tên sản phẩm chưa lưu " + RUN);
      browser.find("header.top nav a[href='#/']").click();
      new WebDriverWait(browser.driver, Duration.ofSeconds(15))
          .until(ExpectedConditions.alertIsPresent())
          .dismiss();
      assertTrue(browser.driver.getCurrentUrl().endsWith("#/products/" + productId));
      assertEquals(
          "Tên sản phẩm chưa lưu " + RUN, browser.find("#f-vi-title").getAttribute("value"));
      browser.waitText(".editor-head .unsaved", "chưa lưu");
      browser.screenshot("stayed-with-the-edit");

      browser.find("header.top nav a[href='#/']").click();
      new WebDriverWait(browser.driver, Duration.ofSeconds(15))
          .until(ExpectedConditions.alertIsPresent())
          .accept();
      browser.find("sb-home");
      browser.open("#/collections/" + collection.json().get("id").asText());
      browser.waitText(".editor-fields legend", "Các mục, theo thứ tự");
      browser.waitText(".chosen-entries li", product.at("/translations/vi/title").asText());
      browser.assertAccessible("collection");
      browser.screenshot("collection");
    }
    assertFalse(
        admin.get(T + "products/" + productId).body().contains("Tên sản phẩm chưa lưu " + RUN),
        "nothing saved without Save");
  }

  @Test
  void aTranslatorWritesTheirLanguageBesideTheSourceTheyCannotChange(PayaraServer server) {
    String user = "ui-ed-translator-" + RUN;
    Api admin = Api.admin(server);
    Api.Reply created =
        admin.post(
            "api/admin/v1/users",
            "{\"username\":\"" + user + "\",\"password\":\"" + SignInUiIT.PASSWORD + "\"}");
    assertEquals(201, created.status(), created::toString);
    Api.Reply member =
        admin.put(
            "api/admin/v1/lao-cai/members/" + user,
            "{\"roles\":[\"translator\"],\"locales\":[\"ko\"]}");
    assertTrue(member.status() < 300, member::toString);
    String id = story(server, "Ruộng bậc thang Mù Cang Chải " + RUN);
    try (Browser browser = new Browser(server.base(), "editor-translator", "vi")) {
      browser.signIn(user, SignInUiIT.PASSWORD);
      browser.open("#/stories/" + id);
      browser.waitText(".editor-head h1", "Mù Cang Chải");
      assertEquals("true", browser.find("#f-vi-title").getAttribute("readonly"));
      assertEquals(1, new Select(browser.find("#pane-locale")).getOptions().size());
      browser.find(".add-translation").click();
      browser.type("#f-ko-title", "무캉차이 계단식 논 " + RUN);
      browser.find(SAVE).click();
      saved(browser);
      browser.assertAccessible("translator");
      browser.screenshot("translated");
    }
    assertEquals("무캉차이 계단식 논 " + RUN, stored(server, id).at("/translations/ko/title").asText());
  }
}
