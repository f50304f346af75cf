package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;
import static vn.storybank.web.MediaApiIT.json;
import static vn.storybank.web.MediaApiIT.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import vn.storybank.core.media.TestMedia;

/**
 * The delivery API over real HTTP against the WAR on Payara Micro: only live content reaches
 * readers, in every format; feeds validate against their published schemas; caching and errors
 * behave as partners expect.
 */
@ExtendWith(EmbeddedServer.class)
class DeliveryApiIT {
  static final String ADMIN = "api/admin/v1/lao-cai/";
  static final String PUBLIC = "api/v1/lao-cai/";
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  static URI base;
  static String photo;
  static String expiredPhoto;
  static String control;
  static String controlSlug;
  static String related;
  static String withExpiredHero;
  static String draft;
  static String unpublished;
  static String deleted;
  static String embargoed;

  @BeforeAll
  static void content(PayaraServer server) {
    MediaApiIT.connect(server);
    base = server.base();
    photo =
        upload(
            "{\"credit\":\"Photo: Nguyễn Văn A\",\"copyrightHolder\":\"Sở VHTTDL Lào Cai\","
                + "\"licence\":\"CC BY 4.0\",\"licenceUrl\":\"https://creativecommons.org/licenses/by/4.0/\","
                + "\"translations\":{\"vi\":{\"title\":\"Ruộng bậc thang\",\"caption\":\"Ruộng bậc thang mùa lúa chín\"}}}",
            640);
    expiredPhoto =
        upload(
            "{\"rightsExpireAt\":\""
                + Instant.now().minus(Duration.ofDays(1))
                + "\",\"translations\":{\"vi\":{\"title\":\"Ảnh hết hạn "
                + RUN
                + "\"}}}",
            641);
    related = story("Câu chuyện liên quan " + RUN, null, null, true);
    control = story("Chợ phiên Bắc Hà kiểm tra " + RUN, photo, related, true);
    controlSlug = admin("GET", "stories/" + control, null).at("/translations/vi/slug").asText();
    put(
        "stories/" + control + "/translations/en",
        "{\"title\":\"Bac Ha market check "
            + RUN
            + "\",\"summary\":\"A Sunday market.\",\"body\":\"<p>Horses and brocade.</p>\"}");
    publish("stories/" + control, "en");
    withExpiredHero = story("Câu chuyện ảnh hết hạn " + RUN, expiredPhoto, null, true);
    draft = story("Bản nháp bí mật draftsecret" + RUN, null, null, false);
    unpublished = story("Đã gỡ unpubsecret" + RUN, null, null, true);
    admin("POST", "stories/" + unpublished + "/translations/vi/unpublish", null);
    embargoed = story("Cấm vận embargosecret" + RUN, null, null, true);
    put(
        "stories/" + embargoed + "/translations/vi/schedule",
        "{\"embargoUntil\":\"" + Instant.now().plus(Duration.ofDays(3)) + "\"}");
    deleted = story("Đã xóa deletedsecret" + RUN, null, null, true);
    var gone =
        MediaApiIT.send(
            HttpRequest.newBuilder(base.resolve(ADMIN + "stories/" + deleted)).DELETE());
    assertEquals(204, gone.statusCode(), text(gone));
  }

  @Test
  void draftsUnpublishedDeletedAndExpiredNeverReachAnyDeliveryEndpoint() throws Exception {
    List<String> forbidden =
        List.of(
            draft,
            unpublished,
            deleted,
            embargoed,
            expiredPhoto,
            "draftsecret" + RUN,
            "unpubsecret" + RUN,
            "deletedsecret" + RUN,
            "embargosecret" + RUN,
            "Ảnh hết hạn " + RUN);
    Map<String, String> seen = new LinkedHashMap<>();
    for (String id : List.of(draft, unpublished, deleted, embargoed)) {
      assertProblem(get(PUBLIC + "stories/" + id), 404);
      assertProblem(get(PUBLIC + "stories/" + id + "?locale=en"), 404);
    }
    assertProblem(get(PUBLIC + "media/" + expiredPhoto), 404);
    for (String list : List.of("stories", "media", "products", "collections")) {
      for (String locale : List.of("vi", "en", "hnj")) {
        walk(PUBLIC + list + "?limit=200&locale=" + locale, "next", seen);
      }
    }
    List<JsonNode> channels = publicChannels();
    assertTrue(channels.size() >= 5, channels.toString());
    for (JsonNode channel : channels) {
      String code = channel.get("code").asText();
      for (JsonNode locale : channel.get("locales")) {
        String tag = locale.get("tag").asText();
        for (String file : List.of("feed.json", "feed.ninjs", "feed.atom")) {
          String format =
              Map.of("feed.json", "jsonfeed", "feed.ninjs", "ninjs", "feed.atom", "atom").get(file);
          if (contains(channel.get("formats"), format)) {
            walkFeed(PUBLIC + "channels/" + code + "/" + file + "?limit=50&locale=" + tag, seen);
          }
        }
      }
      if (contains(channel.get("formats"), "sync")) {
        walk(PUBLIC + "channels/" + code + "/sync?limit=50", "nextUrl", seen);
      }
      if (contains(channel.get("formats"), "playlist")) {
        seen.put(code + " playlist", body(get(PUBLIC + "channels/" + code + "/playlist.json")));
      }
    }
    seen.put("sitemap", body(get(PUBLIC + "sitemap.xml")));
    awaitSearchable("kiểm tra " + RUN, control);
    for (String q :
        List.of(
            RUN,
            "draftsecret" + RUN,
            "unpubsecret" + RUN,
            "deletedsecret" + RUN,
            "embargosecret" + RUN)) {
      seen.put("search " + q, body(get(PUBLIC + "search?limit=100&q=" + encode(q))));
    }
    for (Map.Entry<String, String> response : seen.entrySet()) {
      for (String secret : forbidden) {
        assertFalse(
            response.getValue().contains(secret),
            response.getKey() + " shows " + secret + ": " + response.getValue());
      }
    }
    assertTrue(seen.get("sitemap").contains(controlSlug), "the sitemap lists the control story");
    assertTrue(
        seen.entrySet().stream()
            .filter(e -> e.getKey().contains("en-portal/feed.json"))
            .anyMatch(e -> e.getValue().contains(control)),
        "the English portal's feed carries the control story");
    assertTrue(
        seen.entrySet().stream()
            .filter(e -> e.getKey().contains("vi-portal/sync"))
            .anyMatch(e -> e.getValue().contains(withExpiredHero)),
        "a story whose photo expired is still delivered, without the photo");
  }

  @Test
  void everyFeedPageValidatesAgainstItsPublishedSchema() throws Exception {
    List<JsonNode> channels = publicChannels();
    int checked = 0;
    for (JsonNode channel : channels) {
      String code = channel.get("code").asText();
      for (JsonNode locale : channel.get("locales")) {
        String query = "?limit=7&locale=" + locale.get("tag").asText();
        if (contains(channel.get("formats"), "jsonfeed")) {
          String url = PUBLIC + "channels/" + code + "/feed.json" + query;
          for (int page = 0; url != null && page < 3; page++, checked++) {
            HttpResponse<byte[]> feed = get(url);
            assertEquals(200, feed.statusCode(), text(feed));
            assertTrue(
                feed.headers()
                    .firstValue("Content-Type")
                    .orElse("")
                    .startsWith("application/feed+json"));
            JsonNode json = json(feed);
            assertEquals(List.of(), FeedSchemas.jsonFeed(json), url);
            url = json.has("next_url") ? relative(json.get("next_url").asText()) : null;
          }
        }
        if (contains(channel.get("formats"), "ninjs")) {
          JsonNode list = json(get(PUBLIC + "channels/" + code + "/feed.ninjs" + query));
          for (JsonNode item : list.get("items")) {
            assertEquals(List.of(), FeedSchemas.ninjs(item), item.toString());
            checked++;
          }
        }
        if (contains(channel.get("formats"), "atom")) {
          byte[] atom = get(PUBLIC + "channels/" + code + "/feed.atom" + query).body();
          assertEquals(List.of(), FeedSchemas.atom(atom), new String(atom, StandardCharsets.UTF_8));
          // The feed claims a language only when every entry is in it (fallbacks are not).
          Document doc = xml(atom);
          java.util.Set<String> entryLanguages = new java.util.TreeSet<>();
          org.w3c.dom.NodeList entries = doc.getElementsByTagName("entry");
          for (int i = 0; i < entries.getLength(); i++) {
            entryLanguages.add(((org.w3c.dom.Element) entries.item(i)).getAttribute("xml:lang"));
          }
          assertEquals(
              entryLanguages.size() == 1 ? entryLanguages.iterator().next() : "",
              doc.getDocumentElement().getAttribute("xml:lang"),
              code + " " + entryLanguages);
          checked++;
        }
      }
    }
    assertTrue(checked > 20, "checked " + checked);
    JsonNode item = json(get(PUBLIC + "stories/" + control + "?format=ninjs&locale=en"));
    assertEquals(List.of(), FeedSchemas.ninjs(item), item.toString());
    assertEquals("en", item.get("language").asText());
    byte[] sitemap = get(PUBLIC + "sitemap.xml").body();
    assertEquals(
        List.of(), FeedSchemas.sitemap(sitemap), new String(sitemap, StandardCharsets.UTF_8));
    String text = new String(sitemap, StandardCharsets.UTF_8);
    assertTrue(text.contains("hreflang=\"x-default\""), text);
    assertTrue(text.contains("hreflang=\"en\""), text);
  }

  @Test
  void aFallbackSaysWhichLocaleWasServed() {
    HttpResponse<byte[]> fallback =
        get(PUBLIC + "stories/" + related + "?channel=en-portal&locale=en");
    assertEquals(200, fallback.statusCode(), text(fallback));
    assertEquals("vi", fallback.headers().firstValue("Content-Language").orElse(null));
    assertTrue(json(fallback).get("fallback").asBoolean());
    assertEquals("en", json(fallback).get("requestedLocale").asText());
    HttpResponse<byte[]> translated = get(PUBLIC + "stories/" + control + "?locale=en");
    assertEquals("en", translated.headers().firstValue("Content-Language").orElse(null));
    assertFalse(json(translated).get("fallback").asBoolean());
    assertEquals("Bac Ha market check " + RUN, json(translated).get("title").asText());
    HttpResponse<byte[]> bySlug = get(PUBLIC + "stories/" + controlSlug);
    assertEquals(control, json(bySlug).get("id").asText());
    HttpResponse<byte[]> negotiated =
        send(
            HttpRequest.newBuilder(base.resolve(PUBLIC + "stories/" + control))
                .header("Accept-Language", "en-GB, vi;q=0.5"));
    assertEquals("en", negotiated.headers().firstValue("Content-Language").orElse(null));
    // The H'Mông radio shows translated items only: no Vietnamese stand-in.
    assertProblem(get(PUBLIC + "stories/" + related + "?channel=hmong-radio&locale=hnj"), 404);
    JsonNode media = json(translated).get("media").get(0);
    assertEquals("hero", media.get("role").asText());
    assertEquals(photo, media.get("id").asText());
    assertEquals("Photo: Nguyễn Văn A", media.get("credit").asText());
    assertTrue(media.at("/renditions/card").asText().startsWith("http"), media.toString());
  }

  @Test
  void includeExpandsLinkedEntriesAndJsonLdDescribesThem() {
    JsonNode withRelated = json(get(PUBLIC + "stories/" + control + "?include=related"));
    assertEquals(
        "Câu chuyện liên quan " + RUN, withRelated.at("/included/" + related + "/title").asText());
    assertProblem(get(PUBLIC + "stories/" + control + "?include=everything"), 400);
    assertProblem(get(PUBLIC + "stories/" + control + "?include=related&depth=9"), 400);
    HttpResponse<byte[]> ld =
        send(
            HttpRequest.newBuilder(base.resolve(PUBLIC + "stories/" + control))
                .header("Accept", "application/ld+json"));
    assertEquals(200, ld.statusCode(), text(ld));
    assertTrue(
        ld.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
    JsonNode json = json(ld);
    assertEquals("https://schema.org", json.get("@context").asText());
    assertEquals("Article", json.get("@type").asText());
    assertEquals("Photo: Nguyễn Văn A", json.at("/image/0/creditText").asText());
    assertEquals(
        "https://creativecommons.org/licenses/by/4.0/", json.at("/image/0/license").asText());
    JsonNode image =
        json(
            send(
                HttpRequest.newBuilder(base.resolve(PUBLIC + "media/" + photo))
                    .header("Accept", "application/ld+json")));
    assertEquals("ImageObject", image.get("@type").asText());
    assertEquals("Sở VHTTDL Lào Cai", image.at("/copyrightHolder/name").asText());
  }

  @Test
  void conditionalGetsAnswer304AndResponsesAreCompressed() throws Exception {
    String feed = PUBLIC + "channels/en-portal/feed.json?limit=20";
    HttpResponse<byte[]> first = get(feed);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertTrue(etag.startsWith("\""), etag);
    assertNotNull(first.headers().firstValue("Last-Modified").orElse(null));
    assertTrue(first.headers().firstValue("Cache-Control").orElse("").contains("max-age=60"));
    assertTrue(first.headers().allValues("Vary").toString().contains("Accept-Language"));
    HttpResponse<byte[]> again =
        send(HttpRequest.newBuilder(base.resolve(feed)).header("If-None-Match", etag));
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
    assertEquals(etag, again.headers().firstValue("ETag").orElse(null));
    assertTrue(again.headers().firstValue("Cache-Control").isPresent());
    String vi =
        get(PUBLIC + "channels/vi-portal/feed.json?limit=20")
            .headers()
            .firstValue("ETag")
            .orElseThrow();
    assertNotEquals(etag, vi);
    HttpResponse<byte[]> gzipped =
        send(HttpRequest.newBuilder(base.resolve(feed)).header("Accept-Encoding", "gzip"));
    assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      assertEquals(
          new String(first.body(), StandardCharsets.UTF_8),
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    put(
        "stories/" + related + "/translations/vi",
        "{\"title\":\"Câu chuyện liên quan " + RUN + " (sửa)\"}");
    publish("stories/" + related, "vi");
    HttpResponse<byte[]> changed =
        send(
            HttpRequest.newBuilder(base.resolve(PUBLIC + "stories/" + related))
                .header("If-None-Match", etag));
    assertEquals(200, changed.statusCode());
  }

  @Test
  void badQuestionsGetProblemsThatSayWhatToDo() {
    assertProblem(get("api/v1/son-la/stories/" + control), 404);
    assertProblem(get(PUBLIC + "channels/no-such/feed.json"), 404);
    assertProblem(get(PUBLIC + "channels/en-portal/feed.json?locale=fr"), 404);
    assertProblem(get(PUBLIC + "stories/" + control + "?locale=xx-invalid-"), 400);
    assertProblem(get(PUBLIC + "channels/en-portal/sync?after=not-a-token"), 400);
    assertProblem(get(PUBLIC + "channels/en-portal/feed.json?cursor=%25%25not-ours"), 400);
    assertProblem(get(PUBLIC + "channels/en-portal/feed.json?limit=0"), 400);
    assertProblem(get(PUBLIC + "stories?colour=red"), 400);
    assertProblem(get(PUBLIC + "channels/border-gate-screens/feed.atom"), 404);
  }

  @Test
  void channelsAreManagedThroughTheAdminApi() {
    String code = "partner-" + RUN;
    String body =
        "{\"code\":\""
            + code
            + "\",\"name\":\"Đối tác\",\"access\":\"key\",\"locales\":[{\"tag\":\"ko\",\"fallbacks\":[\"en\",\"vi\"]}],"
            + "\"filter\":{\"types\":[\"product\"]},\"presets\":{\"card\":\"square\"},\"formats\":[\"jsonfeed\",\"sync\"]}";
    HttpResponse<byte[]> created = adminSend("POST", "channels", body);
    assertEquals(201, created.statusCode(), text(created));
    assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/channels/" + code));
    assertEquals(409, adminSend("POST", "channels", body).statusCode());
    HttpResponse<byte[]> invalid =
        adminSend(
            "POST",
            "channels",
            "{\"code\":\"x-"
                + RUN
                + "\",\"name\":\"\",\"locales\":[{\"tag\":\"fr\"}],\"presets\":{\"card\":\"huge\"}}");
    assertProblem(invalid, 400);
    List<String> fields = new ArrayList<>();
    json(invalid).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertTrue(
        fields.containsAll(List.of("name", "locales[0].tag", "presets.card")), fields.toString());
    assertProblem(get(PUBLIC + "channels/" + code + "/feed.json"), 401);
    HttpResponse<byte[]> stale =
        MediaApiIT.send(
            HttpRequest.newBuilder(base.resolve(ADMIN + "channels/" + code))
                .header("Content-Type", "application/json")
                .header("If-Match", "\"41\"")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        body.replace("\"code\":\"" + code + "\",", ""))));
    assertProblem(stale, 412);
    HttpResponse<byte[]> removed =
        MediaApiIT.send(HttpRequest.newBuilder(base.resolve(ADMIN + "channels/" + code)).DELETE());
    assertEquals(204, removed.statusCode(), text(removed));
    assertProblem(get(PUBLIC + "channels/" + code + "/feed.json"), 404);
  }

  @Test
  void feedsListsAndItemsForgetAStoryTheMomentItIsUnpublished() {
    String story = story("Tin nóng " + RUN, null, null, true);
    String feed = PUBLIC + "channels/vi-portal/feed.json?limit=5";
    String list = PUBLIC + "stories?limit=5";
    String item = PUBLIC + "stories/" + story;
    Map<String, String> etags = new LinkedHashMap<>();
    for (String url : List.of(feed, list, item)) {
      HttpResponse<byte[]> before = get(url);
      assertTrue(body(before).contains(story), body(before));
      HttpResponse<byte[]> again = get(url);
      assertEquals(
          before.headers().firstValue("ETag"),
          again.headers().firstValue("ETag"),
          "from the cache");
      etags.put(url, before.headers().firstValue("ETag").orElseThrow());
    }
    HttpResponse<byte[]> jsonLd =
        send(HttpRequest.newBuilder(base.resolve(item)).header("Accept", "application/ld+json"));
    assertTrue(
        jsonLd.headers().firstValue("Content-Type").orElseThrow().startsWith("application/ld+json"),
        "Accept is part of what is cached: " + jsonLd.headers().map());
    assertTrue(
        get(item)
            .headers()
            .firstValue("Content-Type")
            .orElseThrow()
            .startsWith("application/json"));

    admin("POST", "stories/" + story + "/translations/vi/unpublish", null);
    for (String url : List.of(feed, list)) {
      HttpResponse<byte[]> after =
          send(HttpRequest.newBuilder(base.resolve(url)).header("If-None-Match", etags.get(url)));
      assertEquals(
          200, after.statusCode(), url + ": the cached answer is not reused after a write");
      assertFalse(body(after).contains(story), body(after));
    }
    assertProblem(get(item), 404);
  }

  @Test
  void syncReportsWhatEnteredAndWhatLeft() {
    String next = null;
    boolean more = true;
    List<String> ids = new ArrayList<>();
    while (more) {
      JsonNode page =
          json(
              get(
                  PUBLIC
                      + "channels/vi-portal/sync?limit=25"
                      + (next == null ? "" : "&after=" + next)));
      page.get("items").forEach(i -> ids.add(i.get("id").asText()));
      next = page.get("next").asText();
      more = page.get("more").asBoolean();
    }
    assertTrue(ids.contains(control), "the first sync holds the control story");
    String fresh = story("Tin mới " + RUN, null, null, true);
    String leaving = story("Sắp gỡ " + RUN, null, null, true);
    admin("POST", "stories/" + leaving + "/translations/vi/unpublish", null);
    JsonNode delta = json(get(PUBLIC + "channels/vi-portal/sync?after=" + next));
    List<String> upserts = new ArrayList<>();
    delta.get("items").forEach(i -> upserts.add(i.get("id").asText()));
    List<String> removals = new ArrayList<>();
    delta.get("deleted").forEach(i -> removals.add(i.get("id").asText()));
    assertTrue(upserts.contains(fresh), delta.toString());
    assertTrue(removals.contains(leaving), delta.toString());
    assertFalse(upserts.contains(leaving), delta.toString());
    JsonNode quiet =
        json(get(PUBLIC + "channels/vi-portal/sync?after=" + delta.get("next").asText()));
    assertEquals(0, quiet.get("items").size() + quiet.get("deleted").size(), quiet.toString());
  }

  // --- helpers

  /** The tenant's public channels (other tests add key-protected ones). */
  private static List<JsonNode> publicChannels() {
    List<JsonNode> channels = new ArrayList<>();
    admin("GET", "channels", null)
        .get("items")
        .forEach(
            c -> {
              if (c.get("access").asText().equals("public")) {
                channels.add(c);
              }
            });
    return channels;
  }

  /** Follows a list's cursor ({@code next}) or a sync's {@code nextUrl} while {@code more}. */
  private static void walk(String first, String nextField, Map<String, String> seen) {
    String url = first;
    for (int page = 0; url != null && page < 50; page++) {
      HttpResponse<byte[]> response = get(url);
      assertEquals(200, response.statusCode(), url + " " + text(response));
      seen.put(url, body(response));
      JsonNode json = json(response);
      if (nextField.equals("nextUrl")) {
        url = json.get("more").asBoolean() ? relative(json.get("nextUrl").asText()) : null;
      } else {
        url =
            json.get("next").isNull()
                ? null
                : first + "&cursor=" + encode(json.get("next").asText());
      }
    }
  }

  private static void walkFeed(String url, Map<String, String> seen) {
    for (int page = 0; url != null && page < 50; page++) {
      HttpResponse<byte[]> response = get(url);
      assertEquals(200, response.statusCode(), url + " " + text(response));
      String body = body(response);
      seen.put(url, body);
      if (url.contains("feed.json")) {
        JsonNode next = json(response).get("next_url");
        url = next == null ? null : relative(next.asText());
      } else if (url.contains("feed.ninjs")) {
        JsonNode next = json(response).get("next");
        url = next == null || next.isNull() ? null : relative(next.asText());
      } else {
        int at = body.indexOf("rel=\"next\" href=\"");
        url =
            at < 0
                ? null
                : relative(
                    body.substring(at + 17, body.indexOf('"', at + 17)).replace("&amp;", "&"));
      }
    }
  }

  private static void awaitSearchable(String q, String id) throws InterruptedException {
    waitUntil(
        "the control story became searchable",
        Duration.ofSeconds(20),
        () -> body(get(PUBLIC + "search?q=" + encode(q))).contains(id));
  }

  static String relative(String absolute) {
    return absolute.substring(base.toString().length());
  }

  static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static boolean contains(JsonNode array, String value) {
    for (JsonNode n : array) {
      if (n.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  static String body(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  static Document xml(byte[] bytes) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }

  static HttpResponse<byte[]> get(String path) {
    return MediaApiIT.sendAnonymous(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  static HttpResponse<byte[]> send(HttpRequest.Builder request) {
    return MediaApiIT.sendAnonymous(request.GET());
  }

  static void assertProblem(HttpResponse<byte[]> response, int status) {
    MediaApiIT.assertProblem(response, status);
  }

  static String upload(String metadata, int width) {
    HttpResponse<byte[]> created =
        MediaApiIT.multipart(
            TestMedia.jpeg(width, 400), "image/jpeg", "p" + width + ".jpg", metadata);
    assertEquals(201, created.statusCode(), text(created));
    String id = json(created).get("id").asText();
    publish("media/" + id, "vi");
    return id;
  }

  static String story(String title, String hero, String relatedStory, boolean published) {
    String body =
        "{\"kind\":\"festival-event\",\"pillars\":[\"ethnic-identity\"]"
            + (hero == null ? "" : ",\"heroMedia\":\"" + hero + "\"")
            + (relatedStory == null ? "" : ",\"relatedStories\":[\"" + relatedStory + "\"]")
            + ",\"translations\":{\"vi\":{\"title\":\""
            + title
            + "\",\"summary\":\"Tóm tắt.\",\"body\":\"<p>Nội dung "
            + title
            + ".</p>\"}}}";
    HttpResponse<byte[]> created = adminSend("POST", "stories", body);
    assertEquals(201, created.statusCode(), text(created));
    String id = json(created).get("id").asText();
    if (published) {
      publish("stories/" + id, "vi");
    }
    return id;
  }

  static void publish(String path, String locale) {
    HttpResponse<byte[]> published =
        adminSend("POST", path + "/translations/" + locale + "/publish", null);
    assertEquals(200, published.statusCode(), text(published));
  }

  static void put(String path, String json) {
    HttpResponse<byte[]> saved = adminSend("PUT", path, json);
    assertTrue(saved.statusCode() == 200 || saved.statusCode() == 201, text(saved));
  }

  static JsonNode admin(String method, String path, String json) {
    HttpResponse<byte[]> response = adminSend(method, path, json);
    assertTrue(response.statusCode() < 300, text(response));
    return json(response);
  }

  static HttpResponse<byte[]> adminSend(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(ADMIN + path));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    return MediaApiIT.send(request);
  }
}
