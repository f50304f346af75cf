package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signing in and out of the editor app, and the app in both of its languages. */
@ExtendWith(UiServer.class)
class SignInUiIT {
  static final String PASSWORD = "ui-signin-Pa55word";

  static void member(PayaraServer server, String username, String tenant, String... roles) {
    Api admin = Api.admin(server);
    Api.Reply user =
        admin.post(
            "api/admin/v1/users",
            "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
    assertTrue(user.status() == 201 || user.status() == 409, user::toString);
    Api.Reply member =
        admin.put(
            "api/admin/v1/" + tenant + "/members/" + username,
            "{\"roles\":[\"" + String.join("\",\"", roles) + "\"]}");
    assertTrue(member.status() < 300, member::toString);
  }

  @Test
  void aWrongPasswordIsExplainedAndTheRightOneOpensTheApp(PayaraServer server) {
    member(server, "ui-signin-editor", "lao-cai", "editor");
    try (Browser browser = new Browser(server.base(), "sign-in", "vi")) {
      browser.open("");
      browser.find("form.signin");
      browser.waitText("h1", "Đăng nhập Storybank");
      browser.assertAccessible("sign-in");
      browser.screenshot("sign-in");

      browser.type("#username", "ui-signin-editor");
      browser.type("#password", "not the password");
      browser.find("form.signin button[type=submit]").click();
      browser.waitText("form.signin .problem", "credentials");
      browser.screenshot("wrong-password");

      browser.signIn("ui-signin-editor", PASSWORD);
      browser.waitText("header.top nav", "Câu chuyện");
      browser.waitText("header.top .tenant", "Lào Cai");
      browser.assertAccessible("home");
      browser.screenshot("home");

      browser.signOut();
      browser.waitText("form.signin .notice", "Bạn đã đăng xuất");
      browser.open("#/stories");
      browser.find("form.signin");
      browser.screenshot("signed-out");
    }
  }

  @Test
  void theWholeAppSwitchesBetweenVietnameseAndEnglish(PayaraServer server) {
    member(server, "ui-lang-editor", "lao-cai", "editor");
    try (Browser browser = new Browser(server.base(), "languages", "en-US")) {
      browser.open("");
      browser.waitText("h1", "Sign in to Storybank");
      browser.signIn("ui-lang-editor", PASSWORD);
      browser.waitText("header.top nav", "Stories");
      browser.screenshot("english");

      browser.find(".lang button[lang=vi]").click();
      browser.waitText("header.top nav", "Câu chuyện");
      assertEquals("vi", browser.script("return document.documentElement.lang"));
      browser.screenshot("vietnamese");

      // The choice is the person's: it outlasts a reload, whatever the browser prefers.
      browser.driver.navigate().refresh();
      browser.waitText("header.top nav", "Thư viện tư liệu");
      browser.find(".lang button[lang=en]").click();
      browser.waitText("header.top nav", "Media library");
    }
  }
}
