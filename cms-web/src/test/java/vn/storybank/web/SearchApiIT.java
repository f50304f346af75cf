package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.storybank.core.json.Json;

/** Editor and public search over real HTTP, on the demo content. */
@ExtendWith(EmbeddedServer.class)
class SearchApiIT {
  static final String ADMIN = "api/admin/v1/lao-cai/search";
  static final String PUBLIC = "api/v1/lao-cai/search";
  static Api api;
  static URI base;

  @BeforeAll
  static void connect(PayaraServer server) throws InterruptedException {
    api = Api.admin(server);
    base = server.base();
    waitUntil(
        "the search index is ready",
        Duration.ofMinutes(1),
        () ->
            api.anonymous().get("health/ready").body().contains("search-index")
                && api.anonymous().get("health/ready").status() == 200);
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void editorsFindDemoStoriesWithoutTypingDiacritics() {
    Api.Reply reply = api.get(ADMIN + "?q=" + q("tieng khen mong"));
    assertEquals(200, reply.status(), reply.toString());
    JsonNode hits = reply.json().get("hits");
    assertEquals("Tiếng khèn Mông", hits.get(0).get("title").asText(), reply.body());
    assertTrue(hits.get(0).get("snippet").asText().contains("<mark>"), reply.body());
    JsonNode facets = reply.json().get("facets");
    assertTrue(facets.has("kind") && facets.has("place") && facets.has("locale"), reply.body());
    assertTrue(reply.json().get("total").asLong() >= 1);
  }

  @Test
  void thePublicGetsOneHitPerEntryInItsLocaleOrAFallback() {
    Api.Reply all = api.anonymous().get(PUBLIC + "?locale=en&limit=100");
    assertEquals(200, all.status(), all.toString());
    long entries = all.json().get("total").asLong();
    JsonNode hits = all.json().get("hits");
    java.util.Set<String> ids = new java.util.HashSet<>();
    hits.forEach(h -> ids.add(h.get("id").asText()));
    assertEquals(hits.size(), ids.size(), "one hit per entry");
    int english = 0;
    int fallbacks = 0;
    for (JsonNode hit : hits) {
      if (hit.get("fallback").asBoolean()) {
        assertEquals("vi", hit.get("locale").asText());
        fallbacks++;
      } else {
        assertEquals("en", hit.get("locale").asText());
        english++;
      }
    }
    assertTrue(english > 0, all.body());
    // The demo has published Vietnamese stories without an English translation.
    assertTrue(fallbacks > 0, "stories without English are found in Vietnamese: " + all.body());
    assertEquals(english + fallbacks, entries, "the total counts the fallbacks too");

    Api.Reply own = api.anonymous().get(PUBLIC + "?locale=EN&fallback=false&limit=100");
    assertEquals(200, own.status(), own.toString());
    assertEquals(english, own.json().get("total").asLong(), own.body());
    own.json().get("hits").forEach(h -> assertFalse(h.get("fallback").asBoolean(), own.body()));
    Map<String, Long> byLocale = new HashMap<>();
    own.json()
        .get("facets")
        .get("locale")
        .forEach(f -> byLocale.put(f.get("value").asText(), f.get("count").asLong()));
    assertEquals(
        Map.of("en", (long) english, "vi", (long) fallbacks),
        byLocale,
        "the locale facet still counts the fallbacks left out");
    assertEquals(
        400, api.anonymous().get(PUBLIC + "?locale=en&fallback=maybe").status(), "named error");
    Api.Reply editor = api.get(ADMIN + "?limit=1");
    assertTrue(
        editor.json().get("total").asLong() > entries, "editors also see drafts and every locale");
  }

  @Test
  void editorsSelectLocalesAsAFacetAndStillSeeTheOthersCounted() {
    Api.Reply english = api.get(ADMIN + "?q=" + q("sa pa") + "&locale=en&limit=100");
    assertEquals(200, english.status(), english.toString());
    english.json().get("hits").forEach(h -> assertEquals("en", h.get("locale").asText()));
    Map<String, Long> counts = new HashMap<>();
    english
        .json()
        .get("facets")
        .get("locale")
        .forEach(v -> counts.put(v.get("value").asText(), v.get("count").asLong()));
    assertEquals(english.json().get("total").asLong(), counts.get("en"), english.body());
    assertTrue(counts.getOrDefault("vi", 0L) > 0, "Vietnamese stays selectable: " + counts);

    Api.Reply both = api.get(ADMIN + "?q=" + q("sa pa") + "&locale=en,vi&limit=1");
    assertEquals(200, both.status(), both.toString());
    assertEquals(counts.get("en") + counts.get("vi"), both.json().get("total").asLong());

    Api.Reply publicTwo = api.anonymous().get(PUBLIC + "?locale=en,vi");
    assertEquals(400, publicTwo.status(), publicTwo.toString());
    assertTrue(publicTwo.body().contains("locale"), publicTwo.body());
  }

  @Test
  void aNewStoryIsSearchableAtOnce() throws InterruptedException {
    Api.Reply created =
        api.post(
            "api/admin/v1/lao-cai/stories",
            "{\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\"Đèo Ô Quy Hồ mờ sương\","
                + "\"status\":\"published\"}}}");
    assertEquals(201, created.status(), created.toString());
    waitUntil(
        "the new story is searchable",
        Duration.ofSeconds(10),
        () -> api.anonymous().get(PUBLIC + "?q=" + q("o quy ho")).json().get("total").asLong() > 0);
  }

  @Test
  void thePublicFindsTheLiveTitleUntilAnEditIsPublished() throws InterruptedException {
    Api.Reply created =
        api.post(
            "api/admin/v1/lao-cai/stories",
            "{\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\"Bãi đá Zơmkhăng\","
                + "\"status\":\"published\"}}}");
    assertEquals(201, created.status(), created.toString());
    String translation =
        "api/admin/v1/lao-cai/stories/" + created.json().get("id").asText() + "/translations/vi";
    awaitTotal(PUBLIC + "?q=" + q("zomkhang"), 1, api.anonymous());

    Api.Reply edited = api.put(translation, "{\"title\":\"Ruộng Trơlaovê\"}");
    assertEquals(200, edited.status(), edited.toString());
    awaitTotal(ADMIN + "?q=" + q("trolaove"), 1, api);
    Api.Reply old = api.anonymous().get(PUBLIC + "?q=" + q("zomkhang"));
    assertEquals(1, old.json().get("total").asLong(), old.body());
    assertEquals("Bãi đá Zơmkhăng", old.json().at("/hits/0/title").asText(), old.body());
    Api.Reply unreviewed = api.anonymous().get(PUBLIC + "?q=" + q("trolaove"));
    assertEquals(0, unreviewed.json().get("total").asLong(), "a leak: " + unreviewed.body());
    assertEquals(0, api.get(ADMIN + "?q=" + q("zomkhang")).json().get("total").asLong());

    Api.Reply published =
        api.put(translation, "{\"title\":\"Ruộng Trơlaovê\",\"status\":\"published\"}");
    assertEquals(200, published.status(), published.toString());
    awaitTotal(PUBLIC + "?q=" + q("trolaove"), 1, api.anonymous());
    assertEquals(
        0, api.anonymous().get(PUBLIC + "?q=" + q("zomkhang")).json().get("total").asLong());
  }

  @Test
  void editorHitsSayWhereEachTranslationStandsAndThePublicsDoNot() throws InterruptedException {
    Api.Reply created =
        api.post(
            "api/admin/v1/lao-cai/stories",
            "{\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\"Thác Tà Gụ Xaryvôn\","
                + "\"status\":\"published\"}}}");
    assertEquals(201, created.status(), created.toString());
    String story = "api/admin/v1/lao-cai/stories/" + created.json().get("id").asText();
    Api.Reply en = api.put(story + "/translations/en", "{\"title\":\"Ta Gu falls Xaryvon\"}");
    assertEquals(201, en.status(), en.toString());
    String path = ADMIN + "?q=" + q("xaryvon") + "&sort=updated";
    awaitTotal(path, 2, api);
    JsonNode fresh = byLocale(api.get(path).json());
    assertEquals("published", fresh.at("/vi/status").asText(), fresh.toString());
    assertTrue(fresh.at("/vi/stale").isMissingNode(), "the source is never stale: " + fresh);
    assertEquals("draft", fresh.at("/en/status").asText(), fresh.toString());
    assertFalse(fresh.at("/en/stale").asBoolean(true), fresh.toString());
    assertTrue(fresh.at("/en/updatedAt").asText().endsWith("Z"), fresh.toString());

    // The source changes: the translation made from its earlier text is now behind.
    Api.Reply edited =
        api.put(story + "/translations/vi", "{\"title\":\"Thác Tà Gụ mới Xaryvôn\"}");
    assertEquals(200, edited.status(), edited.toString());
    waitUntil(
        "the English translation shows as stale",
        Duration.ofSeconds(10),
        () -> byLocale(api.get(path).json()).at("/en/stale").asBoolean(false));
    assertEquals("draft", byLocale(api.get(path).json()).at("/vi/status").asText());

    JsonNode pub = api.anonymous().get(PUBLIC + "?q=" + q("xaryvon")).json().at("/hits/0");
    assertEquals("Thác Tà Gụ Xaryvôn", pub.get("title").asText(), pub.toString());
    assertFalse(
        pub.has("status") || pub.has("updatedAt") || pub.has("stale"),
        "the public learns nothing of the workflow: " + pub);
  }

  /** The hits of an answer keyed by their locale. */
  private static JsonNode byLocale(JsonNode answer) {
    ObjectNode hits = Json.mapper().createObjectNode();
    answer.get("hits").forEach(h -> hits.set(h.get("locale").asText(), h));
    return hits;
  }

  private static void awaitTotal(String path, long total, Api as) throws InterruptedException {
    waitUntil(
        path + " finds " + total,
        Duration.ofSeconds(10),
        () -> as.get(path).json().get("total").asLong() == total);
  }

  @Test
  void badParametersAreProblemsThatNameThem() {
    Api.Reply unknown = api.get(ADMIN + "?colour=red");
    assertEquals(400, unknown.status(), unknown.toString());
    assertEquals("application/problem+json", unknown.header("Content-Type"));
    assertEquals("colour", unknown.json().at("/errors/0/field").asText(), unknown.body());

    Api.Reply status = api.anonymous().get(PUBLIC + "?status=draft");
    assertEquals(400, status.status(), "the public cannot ask for drafts: " + status);

    Api.Reply tooLong = api.get(ADMIN + "?q=" + q("chợ ".repeat(200)));
    assertEquals(400, tooLong.status(), tooLong.toString());
    assertEquals("q", tooLong.json().at("/errors/0/field").asText(), tooLong.body());

    Api.Reply near = api.get(ADMIN + "?near=abc");
    assertEquals(400, near.status(), near.toString());

    Api.Reply locale = api.anonymous().get(PUBLIC + "?locale=fr");
    assertEquals(400, locale.status(), locale.toString());
    assertTrue(locale.json().at("/errors/0/message").asText().contains("vi"), locale.body());

    Api.Reply tenant = api.anonymous().get("api/v1/son-la/search?q=x");
    assertEquals(404, tenant.status(), tenant.toString());

    for (String hostile : new String[] {"%22", "*", "-", "%7C", "%F0%9F%98%80", "%22%22%22"}) {
      Api.Reply reply = api.get(ADMIN + "?q=" + hostile);
      assertEquals(200, reply.status(), hostile + " " + reply);
    }
    // Control characters are refused in every parameter, as in every stored text.
    for (String control : new String[] {"%00", "a%1Fb"}) {
      Api.Reply reply = api.get(ADMIN + "?q=" + control);
      assertEquals(400, reply.status(), control + " " + reply);
      assertEquals("q", reply.json().at("/errors/0/field").asText(), reply.toString());
    }
  }

  @Test
  void randomQueriesOverHttpNeverGiveA500() {
    java.util.Random random = new java.util.Random(11);
    String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạ\"'-|*~^:()[]{}\\/ \t\n\u0000梯田논ꪁ😀";
    for (int i = 0; i < 300; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(i % 50 == 0 ? 700 : 30);
      for (int c = 0; c < length; c++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String path = (i % 2 == 0 ? ADMIN : PUBLIC) + "?q=" + q(text.toString());
      Api.Reply reply = i % 2 == 0 ? api.get(path) : api.anonymous().get(path);
      assertTrue(reply.status() == 200 || reply.status() == 400, text + " → " + reply);
      assertTrue(reply.header("Content-Type").contains("json"), reply.toString());
    }
  }

  @Test
  void aMegabyteQueryIsRefusedCleanly() {
    Api.Reply reply = api.get(ADMIN + "?q=" + "a".repeat(1_000_000));
    assertNotEquals(500, reply.status(), reply.toString());
    assertTrue(reply.status() >= 400 && reply.status() < 500, reply.toString());
  }

  @Test
  void suggestionsAndRelatedStories() {
    Api.Reply suggest = api.anonymous().get(PUBLIC + "/suggest?q=" + q("tieng kh"));
    assertEquals(200, suggest.status(), suggest.toString());
    assertTrue(suggest.body().contains("Tiếng khèn Mông"), suggest.body());

    String id = api.get(ADMIN + "?q=" + q("tieng khen mong")).json().at("/hits/0/id").asText();
    Api.Reply related = api.get(ADMIN + "/related/" + id + "?type=story");
    assertEquals(200, related.status(), related.toString());
    assertFalse(related.body().contains(id), "not related to itself");
    assertTrue(related.json().size() > 0, related.body());
  }

  @Test
  void theIndexReportsItselfAndRebuildsOnRequest() throws InterruptedException {
    Api.Reply status = api.get("api/admin/v1/search/index");
    assertEquals(200, status.status(), status.toString());
    assertTrue(status.json().get("documents").asInt() > 50, status.body());
    assertTrue(status.json().get("segments").asInt() >= 1, status.body());
    assertTrue(status.json().get("ready").asBoolean(), status.body());
    long head = status.json().get("head").asLong();
    assertTrue(head >= status.json().get("position").asLong(), status.body());
    assertEquals(
        head - status.json().get("position").asLong(),
        status.json().get("changesBehind").asLong(),
        status.body());
    waitUntil(
        "the index at the head of the change log",
        Duration.ofSeconds(30),
        () -> {
          var now = api.get("api/admin/v1/search/index").json();
          return now.get("caughtUp").asBoolean()
              && now.get("changesBehind").asLong() == 0
              && now.get("lagSeconds").asLong() == 0;
        });
    assertTrue(
        api.anonymous().get("health/ready").body().contains("\"changesBehind\""),
        "readiness reports the lag");
    Api.Reply rebuild = api.post("api/admin/v1/search/index/rebuild", "");
    assertEquals(202, rebuild.status(), rebuild.toString());
    waitUntil(
        "the rebuild finished, searches answering meanwhile",
        Duration.ofMinutes(1),
        () -> {
          assertEquals(200, api.get(ADMIN + "?q=mong").status());
          return !api.get("api/admin/v1/search/index").json().get("rebuilding").asBoolean();
        });
    assertTrue(api.get(ADMIN + "?q=" + q("tieng khen mong")).json().get("total").asLong() >= 1);
    assertEquals(401, api.anonymous().get("api/admin/v1/search/index").status());
  }

  @Test
  void aQueryTypedWithUnencodedUtf8FindsWhatTheEncodedQueryFinds() throws IOException {
    // curl sends what was typed, byte for byte; Java's HTTP client would percent-encode it.
    long encoded =
        api.anonymous().get(PUBLIC + "?q=" + q("ruộng bậc thang")).json().get("total").asLong();
    assertTrue(encoded > 0);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      String request =
          "GET "
              + base.getPath()
              + PUBLIC
              + "?q=ruộng+bậc+thang HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 200"), response);
      assertTrue(response.contains("\"total\":" + encoded + ","), response);
    }
  }
}
