package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Home: what waits for me, with the reviewer's words when my work came back. */
@ExtendWith(UiServer.class)
class HomeUiIT {
  private static final String T = "lao-cai";

  @Test
  void aStoryReturnedWithACommentShowsOnTheAuthorsHome(PayaraServer server) {
    SignInUiIT.member(server, "ui-home-editor", T, "editor");
    SignInUiIT.member(server, "ui-home-approver", T, "approver");
    Api editor = Api.admin(server).as("ui-home-editor", SignInUiIT.PASSWORD);
    Api approver = Api.admin(server).as("ui-home-approver", SignInUiIT.PASSWORD);
    String title = "Chợ phiên Cán Cấu " + System.nanoTime();
    Api.Reply created =
        editor.post(
            "api/admin/v1/" + T + "/stories",
            "{\"kind\":\"festival-event\",\"translations\":{\"vi\":{\"title\":\""
                + title
                + "\"}}}");
    assertEquals(201, created.status(), created::toString);
    String vi =
        "api/admin/v1/" + T + "/stories/" + created.json().get("id").asText() + "/translations/vi";
    Api.Reply submitted = editor.post(vi + "/submit", "{}");
    assertEquals(200, submitted.status(), submitted::toString);
    String comment = "Thêm tên xã và ngày họp chợ, rồi gửi lại.";
    Api.Reply rejected = approver.post(vi + "/reject", "{\"comment\":\"" + comment + "\"}");
    assertEquals(200, rejected.status(), rejected::toString);

    try (Browser browser = new Browser(server.base(), "home", "vi")) {
      browser.signIn("ui-home-editor", SignInUiIT.PASSWORD);
      browser.open("#/");
      browser.waitText(".home-tasks ul.returned", title);
      browser.waitText(".home-tasks ul.returned", comment);
      browser.waitText(".home-tasks ul.returned", "ui-home-approver");
      browser.waitText(".home-tasks h3", "Bị trả lại");
      browser.waitText(".home-coverage table.coverage", "Tiếng Anh");
      browser.find(".home-recent[aria-busy=false] ul.tasks li");
      browser.find(".home-rights[aria-busy=false]");
      browser.assertAccessible("home");
      browser.screenshot("returned-with-comment");

      browser.clickOn(".home-tasks ul.returned a", title);
      browser.find("main");
      assertEquals(
          true,
          browser.script(
              "return location.hash.startsWith('#/stories/"
                  + created.json().get("id").asText()
                  + "')"));
    }

    try (Browser browser = new Browser(server.base(), "home-approver", "en-US")) {
      browser.signIn("ui-home-approver", SignInUiIT.PASSWORD);
      browser.open("#/");
      browser.waitText(".home-tasks h2", "My tasks");
      browser.find(".home-tasks[aria-busy=false]");
      browser.waitText(".home-coverage", "English");
      // Returned to its author: nothing of it waits for the approver who sent it back.
      assertFalse(browser.find(".home-tasks").getText().contains(title));
      browser.assertAccessible("home-approver");
      browser.screenshot("approver-home");
    }
  }
}
