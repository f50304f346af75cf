package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;
import static vn.storybank.web.DeliveryApiIT.PUBLIC;
import static vn.storybank.web.DeliveryApiIT.adminSend;
import static vn.storybank.web.DeliveryApiIT.assertProblem;
import static vn.storybank.web.DeliveryApiIT.get;
import static vn.storybank.web.DeliveryApiIT.publish;
import static vn.storybank.web.DeliveryApiIT.story;
import static vn.storybank.web.MediaApiIT.json;
import static vn.storybank.web.MediaApiIT.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.storybank.core.json.Json;
import vn.storybank.core.media.TestMedia;

/**
 * One rule decides what a reader may see, and every public answer follows it: media files and
 * embeds follow the media record's live state, public search follows the plain-URL rule of allowed
 * channels, reference lists name only what the reader could open, and JSON-LD can be pasted into a
 * script element.
 */
@ExtendWith(EmbeddedServer.class)
class VisibilityApiIT {
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static String channel;

  @BeforeAll
  static void content(PayaraServer server) {
    MediaApiIT.connect(server);
    DeliveryApiIT.base = server.base();
    channel = "open-" + RUN;
    HttpResponse<byte[]> created =
        adminSend(
            "POST",
            "channels",
            "{\"code\":\""
                + channel
                + "\",\"name\":\"Mở\",\"access\":\"public\",\"locales\":[{\"tag\":\"vi\"}],"
                + "\"formats\":[\"jsonfeed\",\"ninjs\",\"atom\",\"sync\",\"playlist\"]}");
    assertEquals(201, created.statusCode(), text(created));
  }

  @Test
  void mediaThatIsNotPublishedHasNoFilesAndIsEmbeddedNowhere() {
    String never = upload("{\"translations\":{\"vi\":{\"title\":\"Chưa đăng " + RUN + "\"}}}");
    String takenDown = upload("{\"translations\":{\"vi\":{\"title\":\"Đã gỡ " + RUN + "\"}}}");
    publish("media/" + takenDown, "vi");
    String withNever = story("Ảnh chưa đăng " + RUN, never, null, true);
    String withTakenDown = story("Ảnh bị gỡ " + RUN, takenDown, null, true);

    // While the photo is live, the story shows it and its files answer (and are cached).
    assertTrue(storyJson(withTakenDown).contains(takenDown));
    assertEquals(200, get(PUBLIC + "media/" + takenDown + "/original").statusCode());
    HttpResponse<byte[]> down =
        adminSend("POST", "media/" + takenDown + "/translations/vi/unpublish", null);
    assertEquals(200, down.statusCode(), text(down));

    for (String media : List.of(never, takenDown)) {
      assertProblem(get(PUBLIC + "media/" + media), 404);
      assertProblem(get(PUBLIC + "media/" + media + "/original"), 404);
      assertProblem(get(PUBLIC + "media/" + media + "/original?channel=" + channel), 404);
      for (String preset : List.of("thumb", "card", "hero", "social", "square")) {
        assertProblem(get(PUBLIC + "media/" + media + "/renditions/" + preset), 404);
      }
      // Editors still see the file, through the admin API.
      HttpResponse<byte[]> preview =
          MediaApiIT.get(DeliveryApiIT.ADMIN + "media/" + media + "/original", null, null, true);
      assertEquals(200, preview.statusCode(), text(preview));
      assertEquals(
          200,
          MediaApiIT.get(
                  DeliveryApiIT.ADMIN + "media/" + media + "/renditions/thumb", null, null, true)
              .statusCode());
    }
    List<String> answers = new ArrayList<>();
    for (String story : List.of(withNever, withTakenDown)) {
      answers.add(storyJson(story));
      answers.add(body(PUBLIC + "stories/" + story + "?format=ninjs", null));
      answers.add(body(PUBLIC + "stories/" + story, "application/ld+json"));
      answers.add(body(PUBLIC + "stories/" + story + "?channel=" + channel, null));
    }
    answers.add(body(PUBLIC + "stories?limit=100&locale=vi", null));
    String feeds = PUBLIC + "channels/" + channel + "/";
    for (String file : List.of("feed.json", "feed.atom", "feed.ninjs", "playlist.json", "sync")) {
      answers.add(body(feeds + file, null));
    }
    for (String answer : answers) {
      assertFalse(answer.contains(never), answer);
      assertFalse(answer.contains(takenDown), answer);
    }
  }

  @Test
  void referenceListsNameOnlyEntriesTheReaderCanOpen() {
    String live = story("Liên quan công khai " + RUN, null, null, true);
    String draft = story("Liên quan nháp " + RUN, null, null, false);
    String unpublished = story("Liên quan đã gỡ " + RUN, null, null, true);
    assertEquals(
        200,
        adminSend("POST", "stories/" + unpublished + "/translations/vi/unpublish", null)
            .statusCode());
    String embargoed = story("Liên quan cấm vận " + RUN, null, null, true);
    DeliveryApiIT.put(
        "stories/" + embargoed + "/translations/vi/schedule",
        "{\"embargoUntil\":\"" + Instant.now().plus(Duration.ofDays(3)) + "\"}");
    String scheduled = story("Liên quan hẹn giờ " + RUN, null, null, false);
    DeliveryApiIT.put(
        "stories/" + scheduled + "/translations/vi/schedule",
        "{\"publishAt\":\"" + Instant.now().plus(Duration.ofDays(3)) + "\"}");
    String story =
        created(
            "stories",
            "{\"kind\":\"festival-event\",\"pillars\":[\"ethnic-identity\"],\"relatedStories\":"
                + ids(live, draft, unpublished, embargoed, scheduled)
                + ",\"translations\":{\"vi\":{\"title\":\"Có liên quan "
                + RUN
                + "\",\"body\":\"<p>x</p>\"}}}");
    publish("stories/" + story, "vi");

    String photo = upload("{\"translations\":{\"vi\":{\"title\":\"Ảnh mở " + RUN + "\"}}}");
    publish("media/" + photo, "vi");
    String expired =
        upload(
            "{\"rightsExpireAt\":\""
                + Instant.now().minus(Duration.ofDays(1))
                + "\",\"translations\":{\"vi\":{\"title\":\"Hết hạn "
                + RUN
                + "\"}}}");
    publish("media/" + expired, "vi");
    String noConsent =
        upload(
            "{\"peopleIdentifiable\":true,\"translations\":{\"vi\":{\"title\":\"Chưa đồng ý "
                + RUN
                + "\"}}}");
    publish("media/" + noConsent, "vi");
    String collection =
        created(
            "collections",
            "{\"purpose\":\"e-handbook\",\"items\":"
                + ids(photo, expired, noConsent, live, draft)
                + ",\"translations\":{\"vi\":{\"title\":\"Cẩm nang "
                + RUN
                + "\"}}}");
    publish("collections/" + collection, "vi");

    JsonNode related = tree(storyJson(story)).at("/related/relatedStories");
    assertEquals(List.of(live), strings(related), related.toString());
    JsonNode items = tree(body(PUBLIC + "collections/" + collection, null)).at("/related/items");
    assertEquals(List.of(photo, live), strings(items), items.toString());
    String listed = body(PUBLIC + "stories?limit=100&locale=vi", null);
    for (String hidden : List.of(draft, unpublished, embargoed, scheduled)) {
      assertFalse(listed.contains(hidden), listed);
    }
    String feed = body(PUBLIC + "channels/" + channel + "/feed.json", null);
    for (String hidden : List.of(draft, unpublished, embargoed, scheduled)) {
      assertFalse(feed.contains(hidden), feed);
    }
  }

  @Test
  void jsonLdCanBePastedIntoAScriptElement() {
    String title = "h3xss0 </script><script>alert(1)</script> & " + RUN;
    String story = story(title, null, null, true);
    String ld = body(PUBLIC + "stories/" + story, "application/ld+json");
    for (String raw : List.of("<", ">", "&")) {
      assertFalse(ld.contains(raw), raw + " in " + ld);
    }
    assertEquals(title, tree(ld).get("headline").asText(), ld);
  }

  @Test
  void publicSearchFindsNoMediaWithoutAPlainUrl() throws InterruptedException {
    String partners = "partners-" + RUN;
    HttpResponse<byte[]> created =
        adminSend(
            "POST",
            "channels",
            "{\"code\":\""
                + partners
                + "\",\"name\":\"Đối tác\",\"access\":\"key\",\"locales\":[{\"tag\":\"vi\"}],"
                + "\"formats\":[\"jsonfeed\"]}");
    assertEquals(201, created.statusCode(), text(created));
    String word = "kinhvanhoa" + RUN.replaceAll("[0-9]", "");
    String hidden =
        upload(
            "{\"channelsAllowed\":[\""
                + partners
                + "\"],\"translations\":{\"vi\":{\"title\":\"Ảnh "
                + word
                + " đối tác\"}}}");
    publish("media/" + hidden, "vi");
    String open =
        upload(
            "{\"channelsAllowed\":[\""
                + channel
                + "\"],\"translations\":{\"vi\":{\"title\":\"Ảnh "
                + word
                + " mở\"}}}");
    publish("media/" + open, "vi");
    assertProblem(get(PUBLIC + "media/" + hidden), 404);

    // Both are indexed once the editors' search finds them.
    waitUntil(
        "the editors' search finds both media records",
        Duration.ofSeconds(20),
        () ->
            tree(new String(
                        MediaApiIT.get("api/admin/v1/lao-cai/search?q=" + word, null, null, true)
                            .body(),
                        StandardCharsets.UTF_8))
                    .get("total")
                    .asLong()
                >= 2);
    for (String query :
        List.of("q=" + word, "q=*&limit=100&type=media", "type=media&limit=100&sort=updated")) {
      String found = body("api/v1/lao-cai/search?" + query, null);
      assertFalse(found.contains(hidden), query + ": " + found);
    }
    JsonNode byWord = tree(body("api/v1/lao-cai/search?q=" + word, null));
    assertEquals(1, byWord.get("total").asLong(), byWord.toString());
    assertEquals(open, byWord.at("/hits/0/id").asText(), byWord.toString());
    JsonNode typeFacet = byWord.at("/facets/type/0");
    assertEquals(1, typeFacet.get("count").asLong(), byWord.toString());
  }

  private static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(json, e);
    }
  }

  private static String storyJson(String id) {
    return body(PUBLIC + "stories/" + id, null);
  }

  private static String body(String path, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(DeliveryApiIT.base.resolve(path.replace(" ", "%20")));
    if (accept != null) {
      request.header("Accept", accept);
    }
    HttpResponse<byte[]> response = DeliveryApiIT.send(request);
    assertEquals(200, response.statusCode(), path + ": " + text(response));
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static String upload(String metadata) {
    HttpResponse<byte[]> created =
        MediaApiIT.multipart(
            TestMedia.jpeg(320 + (int) (Math.random() * 200), 240),
            "image/jpeg",
            "v.jpg",
            metadata);
    assertEquals(201, created.statusCode(), text(created));
    return json(created).get("id").asText();
  }

  private static String created(String path, String body) {
    HttpResponse<byte[]> created = adminSend("POST", path, body);
    assertEquals(201, created.statusCode(), text(created));
    return json(created).get("id").asText();
  }

  private static String ids(String... ids) {
    return "[\"" + String.join("\",\"", ids) + "\"]";
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
