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
      browser.waitText("form.signin .problem", "Tên đăng nhập hoặc mật khẩu không đúng");
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
  void repeatedWrongPasswordsShowTheThrottlesWait(PayaraServer server) {
    member(server, "ui-throttled-editor", "lao-cai", "editor");
    try (Browser browser = new Browser(server.base(), "sign-in-throttled", "en-US")) {
      browser.open("#/signin");
      // Five wrong passwords for one username block it for 15 minutes; the sixth try is refused
      // before the password is looked at, and the screen says how long to wait.
      for (int attempt = 1; attempt <= 8; attempt++) {
        browser.type("#username", "ui-throttled-editor");
        browser.type("#password", "wrong password " + attempt);
        browser.find("form.signin button[type=submit]").click();
        String answered = "attempt " + attempt + " answered";
        vn.storybank.core.testing.Wait.waitUntil(
            answered,
            java.time.Duration.ofSeconds(15),
            () ->
                Boolean.TRUE.equals(
                    browser.script(
                        "return !document.querySelector('form.signin button').disabled"
                            + " && !!document.querySelector('form.signin .problem')")));
        if (browser.find("form.signin .problem").getText().contains("Too many")) {
          break;
        }
      }
      browser.waitText("form.signin .problem", "Too many wrong attempts. Try again in 15 minutes.");
      browser.screenshot("throttled");
    }
  }

  @Test
  void aPersonInTwoProvincesSwitchesInOneClick(PayaraServer server) {
    member(server, "ui-two-tenants", "lao-cai", "editor");
    member(server, "ui-two-tenants", "thai-nguyen", "approver");
    try (Browser browser = new Browser(server.base(), "tenant-switch", "vi")) {
      browser.signIn("ui-two-tenants", PASSWORD);
      browser.waitText("header.top nav", "Câu chuyện");
      browser.assertAccessible("home with the province switch");
      new org.openqa.selenium.support.ui.Select(browser.find("header.top .tenant select"))
          .selectByVisibleText("Thái Nguyên");
      browser.waitText("main h1", "Xin chào");
      assertEquals(
          "thai-nguyen",
          browser.script("return document.querySelector('header.top .tenant select').value"));
      browser.screenshot("switched");
      // The choice outlasts a reload.
      browser.driver.navigate().refresh();
      browser.find("header.top nav");
      assertEquals(
          "thai-nguyen",
          browser.script("return document.querySelector('header.top .tenant select').value"));
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
