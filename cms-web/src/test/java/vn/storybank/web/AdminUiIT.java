package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

/** Tenant administration in the editor app, and the search index for the bootstrap admin. */
@ExtendWith(UiServer.class)
class AdminUiIT {

  @Test
  void aTenantAdminIssuesAKeyAddsATranslatorAndChangesAChannel(PayaraServer server) {
    SignInUiIT.member(server, "ui-admin-boss", "lao-cai", "admin");
    Api admin = Api.admin(server);
    Api.Reply user =
        admin.post(
            "api/admin/v1/users",
            "{\"username\":\"ui-admin-translator\",\"password\":\"" + SignInUiIT.PASSWORD + "\"}");
    assertTrue(user.status() == 201 || user.status() == 409, user::toString);
    Api.Reply channel =
        admin.post(
            "api/admin/v1/lao-cai/channels",
            "{\"code\":\"ui-admin-channel\",\"name\":\"Admin journey channel\","
                + "\"locales\":[{\"tag\":\"en\",\"fallbacks\":[\"vi\"]}]}");
    assertTrue(channel.status() == 201 || channel.status() == 409, channel::toString);

    try (Browser browser = new Browser(server.base(), "admin", "en-US")) {
      browser.signIn("ui-admin-boss", SignInUiIT.PASSWORD);
      browser.open("#/admin/partners");
      browser.waitText(".admin-section h2", "Partners and API keys");
      assertTrue(
          browser.all(".admin-menu a[href='#/admin/index']").isEmpty(),
          "only the bootstrap admin sees the search index");
      browser.assertAccessible("partners");
      browser.screenshot("partners");

      // A key is shown once, with a copy button and a warning.
      browser.type("#partner-name", "UI journey partner");
      browser.find("#partner-rate").clear();
      browser.type("#partner-rate", "120");
      browser.click("Issue the key");
      browser.waitText(".shown-once h3", "API key for UI journey partner");
      String key = browser.find("#issued-key").getDomProperty("value");
      assertTrue(key.startsWith("sbk_"), key);
      browser.waitText(".shown-once .warning", "shown only this once");
      browser.find(".shown-once button.primary").click();
      browser.waitText(".shown-once .copied", "Copied");
      browser.assertAccessible("key shown once");
      browser.screenshot("key-shown-once");

      // The partner reads a feed with it: the usage shows the request.
      assertEquals(200, readFeed(server, key));

      // Leaving the screen and coming back: only the key's prefix is shown.
      browser.click("Members and roles");
      browser.waitText(".admin-section h2", "Members and roles");
      browser.click("Partners and API keys");
      String prefix = key.substring(0, key.indexOf('_', 4));
      browser.waitText("table.partners", prefix);
      assertTrue(browser.all(".shown-once").isEmpty(), "the key is not shown again");
      assertFalse(
          browser.driver.getPageSource().contains(key), "the secret is nowhere in the page");
      browser.waitText(".usage-per-key", "UI journey partner: 1 request");
      browser.screenshot("key-prefix-only");

      // Revoking asks first.
      browser.find("button[aria-label='Revoke the key of UI journey partner']").click();
      browser.waitText(".confirm", "cannot be undone");
      browser.assertAccessible("revoke question");
      browser.screenshot("revoke-question");
      browser.find(".confirm button.danger").click();
      browser.waitText("table.partners", "Revoked");

      // A member with the translator role for English.
      browser.click("Members and roles");
      browser.find("#member-username");
      browser.assertAccessible("members");
      browser.type("#member-username", "ui-admin-translator");
      browser.find("#add-role-translator").click();
      browser.find("#add-locale-en").click();
      browser.screenshot("member-to-add");
      browser.find("form.add-member button[type=submit]").click();
      browser.waitText("tr[data-member='ui-admin-translator']", "Translator");
      browser.waitText("tr[data-member='ui-admin-translator']", "English");
      browser.screenshot("member-added");
      Api.Reply member = admin.get("api/admin/v1/lao-cai/members/ui-admin-translator");
      assertTrue(member.body().contains("\"locales\":[\"en\"]"), member::toString);

      // A channel's fallbacks, saved with If-Match and still there after a reload.
      browser.click("Channels");
      browser.find("tr[data-channel='ui-admin-channel']");
      browser.assertAccessible("channels");
      browser.screenshot("channels");
      browser.find("button[aria-label='Edit ui-admin-channel']").click();
      browser.type("#ch-fallbacks-0", "zh-Hans, vi");
      browser.waitText("#ch-chain-0", "then Vietnamese");
      browser.assertAccessible("channel editor");
      browser.screenshot("channel-editor");
      browser.find("form.channel-form button[type=submit]").click();
      browser.waitText(".notice", "Channel ui-admin-channel saved.");
      browser.driver.navigate().refresh();
      browser.waitText("tr[data-channel='ui-admin-channel']", "then Vietnamese");
      browser.find("button[aria-label='Edit ui-admin-channel']").click();
      assertEquals("zh-Hans, vi", browser.find("#ch-fallbacks-0").getDomProperty("value"));
      browser.screenshot("channel-after-reload");
      Api.Reply saved = admin.get("api/admin/v1/lao-cai/channels/ui-admin-channel");
      assertTrue(saved.body().contains("\"fallbacks\":[\"zh-Hans\",\"vi\"]"), saved::toString);

      // A webhook: its signing secret is shown once; its deliveries; deleting asks first.
      String hook = "https://192.0.2.10/hooks/ui-admin";
      browser.click("Webhooks");
      // The channel list arrives after the form is drawn: wait for the option before choosing it.
      browser.waitText("#hook-channel", "ui-admin-channel");
      new Select(browser.find("#hook-channel")).selectByValue("ui-admin-channel");
      browser.type("#hook-url", hook);
      browser.click("Subscribe");
      browser.waitText(".shown-once h3", "Signing secret for " + hook);
      assertTrue(browser.find("#webhook-secret").getDomProperty("value").startsWith("whsec_"));
      browser.screenshot("webhook-secret-once");
      browser.click("I have stored it");
      browser.find("button[aria-label='Deliveries to " + hook + "']").click();
      browser.waitText("#deliveries-title", "Deliveries to " + hook);
      browser.waitText(".admin-section", "Nothing has been sent yet.");
      browser.assertAccessible("webhook deliveries");
      browser.screenshot("webhook-deliveries");
      browser.find("button[aria-label='Delete " + hook + "']").click();
      browser.waitText(".confirm", "Delete the webhook to " + hook);
      browser.find(".confirm button.danger").click();
      browser.waitText(".admin-section", "No webhook yet.");

      // The other sections, each scanned.
      for (String[] section :
          new String[][] {
            {"Workflow settings", "#direct-publish"},
            {"Brand kit", "#brand-position"},
            {"Languages", "#locales-form"}
          }) {
        browser.click(section[0]);
        browser.find(section[1]);
        browser.assertAccessible(section[0]);
        browser.screenshot(section[0].toLowerCase().replace(' ', '-'));
      }
      browser.waitText("tr[data-locale='en'] td.chain", "English; where it is missing: Vietnamese");

      browser.find(".lang button[lang=vi]").click();
      browser.waitText("tr[data-locale='en'] td.chain", "Tiếng Anh; khi chưa có: Tiếng Việt");
      browser.assertAccessible("languages in Vietnamese");
      browser.screenshot("languages-vi");
    }
  }

  @Test
  void theBootstrapAdminRebuildsTheSearchIndexAndSeesItsProgress(PayaraServer server) {
    try (Browser browser = new Browser(server.base(), "admin-index", "en-US")) {
      browser.signIn("admin", PayaraServer.ADMIN_PASSWORD);
      browser.open("#/admin/index");
      browser.find("#index-documents");
      browser.assertAccessible("index status");
      browser.screenshot("index-status");

      browser.click("Rebuild the index");
      browser.waitText(".confirm", "Rebuild the whole index?");
      browser.script(
          "window.sawProgress = false;"
              + "new MutationObserver(() => { if (document.querySelector('.index-progress progress'))"
              + " window.sawProgress = true; }).observe(document.body, {subtree: true, childList: true});");
      browser.find(".confirm button.danger").click();
      browser.waitText(".index-progress", "Rebuil");
      browser.screenshot("index-rebuilding");
      browser.waitText(".index-progress", "Rebuild finished");
      assertEquals(Boolean.TRUE, browser.script("return window.sawProgress"));
      browser.assertAccessible("index rebuilt");
      browser.screenshot("index-rebuilt");
    }
  }

  private static int readFeed(PayaraServer server, String key) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(
                      server
                          .base()
                          .resolve("/api/v1/lao-cai/channels/ui-admin-channel/feed.json?locale=en"))
                  .header("X-Api-Key", key)
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
