package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts, roles, tokens, throttling, the audit log and security headers over real HTTP against
 * the WAR on Payara Micro. Each test uses its own user names, since the server is shared.
 */
@ExtendWith(EmbeddedServer.class)
class SecurityApiIT {
  static final String STORIES = "api/admin/v1/lao-cai/stories";
  static Api admin;
  static PayaraServer server;

  @BeforeAll
  static void connect(PayaraServer payara) {
    server = payara;
    admin = Api.admin(payara);
  }

  private static void createMember(String user, String password, String rolesJson) {
    Api.Reply created =
        admin.post(
            "api/admin/v1/users",
            "{\"username\":\""
                + user
                + "\",\"password\":\""
                + password
                + "\",\"displayName\":\"X\"}");
    assertEquals(201, created.status(), created.toString());
    assertNull(created.json().get("password"));
    Api.Reply member = admin.put("api/admin/v1/lao-cai/members/" + user, rolesJson);
    assertEquals(200, member.status(), member.toString());
  }

  private static void assertProblem(Api.Reply reply, int status, String type) {
    assertEquals(status, reply.status(), reply.toString());
    assertTrue(
        reply.header("Content-Type").startsWith("application/problem+json"),
        reply.header("Content-Type"));
    // Absolute, under the address the request came to, where a page explains it.
    assertTrue(
        reply.json().get("type").asText().matches("http://localhost:[0-9]+/problems/" + type),
        reply.toString());
  }

  @Test
  void securityHeadersAreOnEveryResponse() {
    List<Api.Reply> replies = new ArrayList<>();
    replies.add(admin.anonymous().get("health"));
    replies.add(admin.anonymous().get(STORIES));
    replies.add(admin.get(STORIES + "?limit=1"));
    replies.add(admin.get("api/admin/v1/no-such-tenant/stories"));
    replies.add(admin.anonymous().get("api/v1/lao-cai/search?q=sapa"));
    for (Api.Reply reply : replies) {
      assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply.toString());
      assertEquals("DENY", reply.header("X-Frame-Options"));
      assertEquals("no-referrer", reply.header("Referrer-Policy"));
      assertEquals(
          "default-src 'none'; frame-ancestors 'none'", reply.header("Content-Security-Policy"));
      assertNull(reply.header("Strict-Transport-Security"), "plain HTTP gets no HSTS");
    }
  }

  @Test
  void anEditorWorksInTheirTenantOnlyAndCannotPublish() {
    createMember("hoa", "Ban trắng Sa Pa 2026", "{\"roles\":[\"editor\"]}");
    Api hoa = admin.as("hoa", "Ban trắng Sa Pa 2026");
    assertEquals(200, hoa.get(STORIES + "?limit=1").status());
    // Another tenant is indistinguishable from one that does not exist.
    Api.Reply other = hoa.get("api/admin/v1/thai-nguyen/stories");
    Api.Reply unknown = hoa.get("api/admin/v1/no-such-tenant/stories");
    assertProblem(other, 404, "not-found");
    assertProblem(unknown, 404, "not-found");
    assertEquals(
        unknown.json().get("detail").asText().replace("no-such-tenant", "thai-nguyen"),
        other.json().get("detail").asText());
    JsonNode tenants = hoa.get("api/admin/v1/tenants").json().get("items");
    assertEquals(1, tenants.size(), tenants.toString());
    assertEquals("lao-cai", tenants.get(0).get("code").asText());

    String id = hoa.get(STORIES + "?limit=1").json().get("items").get(0).get("id").asText();
    assertProblem(
        hoa.post(STORIES + "/" + id + "/translations/vi/publish", null), 403, "forbidden");
    assertProblem(
        hoa.put("api/admin/v1/lao-cai/members/hoa", "{\"roles\":[\"admin\"]}"), 403, "forbidden");
    assertProblem(hoa.get("api/admin/v1/search/index"), 403, "forbidden");
    assertProblem(hoa.get("api/admin/v1/lao-cai/export"), 403, "forbidden");
    assertProblem(
        hoa.post("api/admin/v1/users", "{\"username\":\"x1\",\"password\":\"long enough pass\"}"),
        403,
        "forbidden");

    JsonNode member = admin.get("api/admin/v1/lao-cai/members/hoa").json();
    assertEquals("editor", member.get("roles").get(0).asText());
    assertTrue(admin.get("api/admin/v1/lao-cai/members").body().contains("\"hoa\""));
    assertTrue(admin.get("api/admin/v1/users").body().contains("\"hoa\""));
    assertEquals(204, admin.delete("api/admin/v1/lao-cai/members/hoa", null).status());
    assertProblem(hoa.get(STORIES), 404, "not-found");
  }

  @Test
  void aPersonalTokenActsAsItsOwnerUntilRevoked() {
    createMember("script-bot", "bot password 2026!", "{\"roles\":[\"journalist\"]}");
    Api bot = admin.as("script-bot", "bot password 2026!");
    Api.Reply issued = bot.post("api/admin/v1/me/tokens", "{\"name\":\"nightly export\"}");
    assertEquals(201, issued.status(), issued.toString());
    assertTrue(issued.header("Cache-Control").contains("no-store"), issued.header("Cache-Control"));
    String secret = issued.json().get("secret").asText();
    String id = issued.json().get("token").get("id").asText();

    Api token = bot.bearer(secret);
    assertEquals("script-bot", token.get("api/admin/v1/me").json().get("username").asText());
    JsonNode stories = token.get(STORIES + "?limit=50").json().get("items");
    assertTrue(stories.size() > 0);
    stories.forEach(
        s ->
            s.get("translations")
                .forEach(t -> assertEquals("published", t.get("status").asText(), s.toString())));
    assertFalse(bot.get("api/admin/v1/me/tokens").body().contains(secret), "never shown again");

    assertEquals(200, bot.delete("api/admin/v1/me/tokens/" + id, null).status());
    assertProblem(token.get(STORIES), 401, "unauthorized");
    assertProblem(admin.anonymous().bearer("sbt_not-a-token").get(STORIES), 401, "unauthorized");
  }

  @Test
  void aBrowserSessionNeedsItsCsrfTokenForChanges() {
    createMember("phuong", "Thu Bồn session 2026", "{\"roles\":[\"editor\"]}");
    Api.Reply signIn =
        admin
            .anonymous()
            .post(
                "api/admin/v1/session",
                "{\"username\":\"phuong\",\"password\":\"Thu Bồn session 2026\"}");
    assertEquals(201, signIn.status(), signIn.toString());
    String setCookie = signIn.header("Set-Cookie");
    for (String attribute : List.of("HttpOnly", "Secure", "SameSite=Strict", "Path=/api/admin")) {
      assertTrue(setCookie.contains(attribute), setCookie);
    }
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    String csrf = signIn.json().get("csrfToken").asText();
    Api browser = admin.anonymous().withHeader("Cookie", cookie);
    assertEquals(200, browser.get(STORIES + "?limit=1").status());

    String story =
        "{\"kind\":\"destination\",\"pillars\":[\"sapa-destination\"],"
            + "\"translations\":{\"vi\":{\"title\":\"Phiên trình duyệt\"}}}";
    assertProblem(browser.post(STORIES, story), 403, "forbidden");
    assertProblem(
        browser.withHeader("X-CSRF-Token", "wrong").post(STORIES, story), 403, "forbidden");
    Api page = browser.withHeader("X-CSRF-Token", csrf);
    Api.Reply created = page.post(STORIES, story);
    assertEquals(201, created.status(), created.toString());

    assertProblem(
        admin
            .anonymous()
            .post(
                "api/admin/v1/session", "{\"username\":\"phuong\",\"password\":\"not it at all\"}"),
        401,
        "unauthorized");
    assertEquals(204, page.delete("api/admin/v1/session", null).status());
    Api.Reply ended = browser.get(STORIES);
    assertProblem(ended, 401, "unauthorized");
    assertTrue(ended.body().contains("session has ended"), ended.body());
    // The browser is told to forget the cookie of the ended session.
    assertTrue(
        ended.header("Set-Cookie").startsWith("storybank_session=; Path=/api/admin; Max-Age=0"));
    // No Basic challenge for an ended session, nor for a page's script that has no cookie (any
    // more): the browser would ask for a password itself, over the app's sign-in.
    assertEquals(
        List.of("Session realm=\"Storybank\""),
        ended.response().headers().allValues("WWW-Authenticate"));
    Api.Reply fromScript = admin.anonymous().withHeader("Sec-Fetch-Dest", "empty").get(STORIES);
    assertProblem(fromScript, 401, "unauthorized");
    assertEquals(
        List.of("Session realm=\"Storybank\""),
        fromScript.response().headers().allValues("WWW-Authenticate"));
    Api.Reply fromApp =
        admin.anonymous().withHeader("X-Requested-With", "storybank-app").get(STORIES);
    assertEquals(
        List.of("Session realm=\"Storybank\""),
        fromApp.response().headers().allValues("WWW-Authenticate"));
    assertTrue(admin.anonymous().get(STORIES).header("WWW-Authenticate").startsWith("Basic"));
  }

  @Test
  void fiveFailedSignInsThrottleTheUsername() {
    createMember("dao", "Đào Nhật Tân 2026", "{\"roles\":[\"approver\"]}");
    for (int i = 0; i < 5; i++) {
      assertProblem(admin.as("dao", "wrong " + i).get(STORIES), 401, "unauthorized");
    }
    Api.Reply throttled = admin.as("dao", "Đào Nhật Tân 2026").get(STORIES);
    assertProblem(throttled, 429, "too-many-requests");
    long retryAfter = Long.parseLong(throttled.header("Retry-After"));
    assertTrue(retryAfter > 800 && retryAfter <= 900, "seconds: " + retryAfter);
  }

  /**
   * Twenty wrong bearer tokens from one address block it like twenty failed sign-ins. The guesser
   * sits at 127.0.0.2, so the other tests' address (127.0.0.1) stays open, as other clients do.
   */
  @Test
  void wrongBearerTokensFromOneAddressAreThrottled() {
    createMember("nightly-bot", "Mù Cang Chải 2026", "{\"roles\":[\"journalist\"]}");
    String secret =
        admin
            .as("nightly-bot", "Mù Cang Chải 2026")
            .post("api/admin/v1/me/tokens", "{\"name\":\"nightly\"}")
            .json()
            .get("secret")
            .asText();
    String guesser = "127.0.0.2";
    for (int i = 0; i < 20; i++) {
      RawHttp.Reply wrong =
          RawHttp.get(
              server.base(),
              guesser,
              STORIES + "?limit=1",
              List.of("Authorization: Bearer sbt_guess-number-" + i));
      assertEquals(401, wrong.status(), wrong.toString());
    }
    RawHttp.Reply blocked =
        RawHttp.get(
            server.base(),
            guesser,
            STORIES + "?limit=1",
            List.of("Authorization: Bearer " + secret));
    assertEquals(429, blocked.status(), blocked.toString());
    assertTrue(blocked.header("Content-Type").startsWith("application/problem+json"));
    assertTrue(blocked.body().contains("/problems/too-many-requests"), blocked.body());
    long retryAfter = Long.parseLong(blocked.header("Retry-After"));
    assertTrue(retryAfter > 800 && retryAfter <= 900, "seconds: " + retryAfter);

    assertEquals(
        200,
        admin.anonymous().bearer(secret).get(STORIES + "?limit=1").status(),
        "the token keeps working for clients at other addresses");
  }

  /** Signs in with a browser session; the API that sends its cookie and CSRF token. */
  private static Api session(String user, String password) {
    Api.Reply signIn =
        admin
            .anonymous()
            .post(
                "api/admin/v1/session",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    assertEquals(201, signIn.status(), signIn.toString());
    String setCookie = signIn.header("Set-Cookie");
    return admin
        .anonymous()
        .withHeader("Cookie", setCookie.substring(0, setCookie.indexOf(';')))
        .withHeader("X-CSRF-Token", signIn.json().get("csrfToken").asText());
  }

  private static String change(String current, String next) {
    return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}";
  }

  @Test
  void changingYourPasswordEndsYourOtherSessionsButNotYourTokens() {
    String old = "Sông Hồng mùa lũ 2026";
    String next = "Cầu Long Biên sớm mai";
    createMember("lan", old, "{\"roles\":[\"editor\"]}");
    Api basic = admin.as("lan", old);
    assertEquals(200, basic.get(STORIES + "?limit=1").status());
    String token =
        basic.post("api/admin/v1/me/tokens", "{\"name\":\"ci\"}").json().get("secret").asText();
    Api here = session("lan", old);
    Api elsewhere = session("lan", old);

    assertProblem(
        here.put("api/admin/v1/me/password", change("not my password", next)), 403, "forbidden");
    Api.Reply weak = here.put("api/admin/v1/me/password", change(old, "short"));
    assertProblem(weak, 400, "invalid");
    assertEquals("newPassword", weak.json().at("/errors/0/field").asText(), weak.body());
    assertProblem(
        here.put("api/admin/v1/me/password", "{\"newPassword\":\"" + next + "\"}"), 400, "invalid");

    assertEquals(204, here.put("api/admin/v1/me/password", change(old, next)).status());
    assertEquals(200, here.get(STORIES + "?limit=1").status(), "the session it came from stays");
    assertProblem(elsewhere.get(STORIES + "?limit=1"), 401, "unauthorized");
    assertProblem(basic.get(STORIES + "?limit=1"), 401, "unauthorized");
    assertEquals(200, admin.as("lan", next).get(STORIES + "?limit=1").status());
    assertEquals(200, admin.bearer(token).get(STORIES + "?limit=1").status(), "tokens stay valid");

    JsonNode rows = admin.get("api/admin/v1/audit?user=lan&action=password-changed").json();
    assertEquals(1, rows.get("items").size(), rows.toString());
    assertEquals("lan", rows.at("/items/0/target").asText());
    String audit = admin.get("api/admin/v1/audit?user=lan&limit=200").body();
    assertFalse(audit.contains(old) || audit.contains(next), "a password is in the audit log");
  }

  @Test
  void wrongCurrentPasswordsAreThrottledLikeSignIns() {
    String password = "Hồ Ba Bể trong xanh";
    createMember("binh", password, "{\"roles\":[\"editor\"]}");
    Api binh = admin.as("binh", password);
    for (int i = 0; i < 5; i++) {
      assertProblem(
          binh.put("api/admin/v1/me/password", change("wrong guess " + i, "Thác Bản Giốc 2026")),
          403,
          "forbidden");
    }
    Api.Reply throttled =
        binh.put("api/admin/v1/me/password", change(password, "Thác Bản Giốc 2026"));
    assertProblem(throttled, 429, "too-many-requests");
    assertTrue(Long.parseLong(throttled.header("Retry-After")) > 800, throttled.toString());
    assertTrue(
        admin.get("api/admin/v1/audit?user=binh&action=login-failed").json().get("items").size()
            >= 5);
  }

  @Test
  void theAdministratorResetsAPasswordAndTheUsersSessionsEnd() {
    String old = "Núi Hàm Rồng mây trắng";
    String reset = "Đèo Ô Quy Hồ lộng gió";
    createMember("minh", old, "{\"roles\":[\"admin\"]}");
    Api minh = session("minh", old);
    assertEquals(200, minh.get(STORIES + "?limit=1").status());

    assertProblem(
        minh.put("api/admin/v1/users/minh/password", "{\"newPassword\":\"" + reset + "\"}"),
        403,
        "forbidden");
    assertProblem(
        admin.put("api/admin/v1/users/nobody-here/password", "{\"newPassword\":\"" + reset + "\"}"),
        404,
        "not-found");
    assertProblem(
        admin.put("api/admin/v1/users/minh/password", "{\"newPassword\":\"minh-minh-minh\"}"),
        400,
        "invalid");

    assertEquals(
        204,
        admin
            .put("api/admin/v1/users/minh/password", "{\"newPassword\":\"" + reset + "\"}")
            .status());
    assertProblem(minh.get(STORIES + "?limit=1"), 401, "unauthorized");
    assertProblem(admin.as("minh", old).get(STORIES + "?limit=1"), 401, "unauthorized");
    assertEquals(200, admin.as("minh", reset).get(STORIES + "?limit=1").status());
    JsonNode rows = admin.get("api/admin/v1/audit?action=password-reset").json();
    assertEquals("minh", rows.at("/items/0/target").asText(), rows.toString());
    assertEquals("admin", rows.at("/items/0/user").asText(), rows.toString());
  }

  @Test
  void auditLogAsJsonAndCsv() {
    createMember("lam", "Lâm Bình 2026 xanh", "{\"roles\":[\"admin\"]}");
    Api lam = admin.as("lam", "Lâm Bình 2026 xanh");
    String id =
        lam.get(STORIES + "?locale=vi&status=published&limit=1")
            .json()
            .get("items")
            .get(0)
            .get("id")
            .asText();
    assertEquals(200, lam.post(STORIES + "/" + id + "/translations/vi/unpublish", null).status());
    assertEquals(200, lam.post(STORIES + "/" + id + "/translations/vi/publish", null).status());

    JsonNode rows = lam.get("api/admin/v1/audit?user=lam&limit=1").json();
    assertEquals(1, rows.get("items").size());
    JsonNode newest = rows.get("items").get(0);
    assertEquals("publish", newest.get("action").asText());
    assertEquals("lao-cai", newest.get("tenant").asText());
    assertNotNull(newest.get("address").asText());
    assertNotNull(rows.get("next").asText());
    Api.Reply second =
        lam.get("api/admin/v1/audit?user=lam&limit=1&cursor=" + rows.get("next").asText());
    assertEquals(200, second.status(), second.toString());
    assertEquals(
        "unpublish", second.json().get("items").get(0).get("action").asText(), second.toString());

    // A tenant admin sees their tenant's rows only; the super-admin also sees sign-ins.
    assertFalse(lam.get("api/admin/v1/audit?limit=200").body().contains("\"login\""));
    assertTrue(admin.get("api/admin/v1/audit?action=login&user=lam").body().contains("\"lam\""));
    assertTrue(admin.get("api/admin/v1/audit?action=roles-changed").body().contains("\"lam\""));
    assertProblem(admin.get("api/admin/v1/audit?from=yesterday"), 400, "invalid");

    Api.Reply csv = lam.get("api/admin/v1/audit?user=lam", "text/csv");
    assertEquals(200, csv.status(), csv.toString());
    assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
    assertTrue(csv.body().startsWith("seq,at,user,action,tenant,target,address,detail\r\n"));
    assertTrue(csv.body().contains(",lam,publish,lao-cai,"), csv.body());
    Api.Reply file = lam.get("api/admin/v1/audit.csv?action=unpublish");
    assertEquals(200, file.status(), file.toString());
    assertTrue(file.body().contains(",lam,unpublish,lao-cai,"), file.body());
  }

  @Test
  void passwordsAndTokensNeverReachTheServerLog() throws IOException {
    String password = "Log-canary-pw-" + System.nanoTime();
    createMember("ghi", password, "{\"roles\":[\"editor\"]}");
    Api ghi = admin.as("ghi", password);
    assertEquals(200, ghi.get(STORIES + "?limit=1").status());
    assertEquals(401, admin.as("ghi", password + "-wrong").get(STORIES).status());
    String weak = "w" + System.nanoTime() % 1_000_000_000L; // too short for the policy
    assertProblem(
        admin.post("api/admin/v1/users", "{\"username\":\"ghi2\",\"password\":\"" + weak + "\"}"),
        400,
        "invalid");
    String secret =
        ghi.post("api/admin/v1/me/tokens", "{\"name\":\"canary\"}").json().get("secret").asText();
    assertEquals(200, ghi.bearer(secret).get(STORIES + "?limit=1").status());
    ghi.bearer(secret + "x").get(STORIES);

    String log = Files.readString(server.log(), StandardCharsets.UTF_8);
    assertTrue(log.contains("Storybank is ready"), "the log was captured");
    assertFalse(log.contains(password), "the password is in the server log");
    assertFalse(log.contains(weak), "a refused password is in the server log");
    assertFalse(log.contains(secret.substring(4)), "the token is in the server log");
  }
}
