package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.web.MediaApiIT.json;
import static vn.storybank.web.MediaApiIT.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Partner keys over HTTP: scope, revocation, rate limits and usage counts. */
@ExtendWith(EmbeddedServer.class)
class PartnerApiIT {
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static URI base;
  static String channel = "kr-" + RUN;

  @BeforeAll
  static void channel(PayaraServer server) {
    MediaApiIT.connect(server);
    base = server.base();
    HttpResponse<byte[]> created =
        admin(
            "POST",
            "api/admin/v1/lao-cai/channels",
            "{\"code\":\""
                + channel
                + "\",\"name\":\"Korean partner\",\"access\":\"key\",\"locales\":[{\"tag\":\"ko\",\"fallbacks\":[\"en\",\"vi\"]}]}");
    assertEquals(201, created.statusCode(), text(created));
  }

  @Test
  void aKeyOpensItsChannelOnlyAndIsShownOnce() {
    HttpResponse<byte[]> issued =
        admin(
            "POST",
            "api/admin/v1/lao-cai/partners",
            "{\"name\":\"Korea Tourism " + RUN + "\",\"channels\":[\"" + channel + "\"]}");
    assertEquals(201, issued.statusCode(), text(issued));
    String key = json(issued).get("key").asText();
    String id = json(issued).at("/partner/id").asText();
    assertTrue(key.startsWith("sbk_"), key);
    String feed = "api/v1/lao-cai/channels/" + channel + "/feed.json";
    DeliveryApiIT.assertProblem(get(feed, null), 401);
    HttpResponse<byte[]> withHeader = get(feed, key);
    assertEquals(200, withHeader.statusCode(), text(withHeader));
    assertEquals("private, no-cache", withHeader.headers().firstValue("Cache-Control").orElse(""));
    assertEquals(200, get(feed + "?api_key=" + key, null).statusCode());
    // A wrong key counts against its address; sent from one of its own, so that the other tests'
    // 127.0.0.1 keeps its allowance of failed sign-ins.
    RawHttp.Reply wrong =
        RawHttp.get(
            base,
            "127.0.0.5",
            feed,
            List.of("X-Api-Key: " + key.substring(0, key.length() - 2) + "xx"));
    assertEquals(401, wrong.status(), wrong.toString());
    assertTrue(wrong.body().contains("/problems/unauthorized"), wrong.body());
    DeliveryApiIT.assertProblem(get("api/v1/lao-cai/channels/vi-portal/feed.json", key), 403);
    DeliveryApiIT.assertProblem(get("api/v1/thai-nguyen/channels/en-portal/feed.json", key), 403);
    HttpResponse<byte[]> listed = admin("GET", "api/admin/v1/lao-cai/partners", null);
    String all = new String(listed.body(), StandardCharsets.UTF_8);
    assertTrue(all.contains(id), all);
    assertFalse(
        all.contains(key.substring("sbk_".length() + 13)), "the secret is never shown again");
    assertEquals(204, admin("DELETE", "api/admin/v1/lao-cai/partners/" + id, null).statusCode());
    DeliveryApiIT.assertProblem(get(feed, key), 401);
  }

  @Test
  void overItsRateAKeyIsToldWhenToComeBackAndItsRequestsAreCounted() {
    HttpResponse<byte[]> issued =
        admin(
            "POST",
            "api/admin/v1/lao-cai/partners",
            "{\"name\":\"Slow partner " + RUN + "\",\"ratePerMinute\":3}");
    String key = json(issued).get("key").asText();
    String id = json(issued).at("/partner/id").asText();
    for (int i = 0; i < 3; i++) {
      assertEquals(200, get("api/v1/lao-cai/channels/en-portal/feed.json", key).statusCode());
    }
    HttpResponse<byte[]> limited = get("api/v1/lao-cai/channels/en-portal/feed.json", key);
    DeliveryApiIT.assertProblem(limited, 429);
    long retry = Long.parseLong(limited.headers().firstValue("Retry-After").orElse("0"));
    assertTrue(retry >= 1 && retry <= 20, "Retry-After " + retry);
    JsonNode usage = json(admin("GET", "api/admin/v1/lao-cai/partners/usage", null));
    long counted = 0;
    for (JsonNode row : usage.get("items")) {
      if (row.get("key").asText().equals(id)) {
        assertEquals("en-portal", row.get("channel").asText());
        assertEquals("en", row.get("locale").asText());
        counted += row.get("requests").asLong();
      }
    }
    assertEquals(3, counted, usage.toString());
    DeliveryApiIT.assertProblem(
        admin(
            "POST",
            "api/admin/v1/lao-cai/partners",
            "{\"name\":\"\",\"channels\":[\"nope\"],\"ratePerMinute\":0}"),
        400);
  }

  /**
   * Twenty wrong partner keys from one address block it like twenty failed sign-ins, on every path
   * that takes a key, before the key is looked up: a valid key from there gets the same 429. The
   * guesser sits at 127.0.0.3 (SecurityApiIT's bearer guesser at 127.0.0.2 is blocked already), so
   * the other tests' 127.0.0.1 stays open, as other clients do.
   */
  @Test
  void wrongKeysFromOneAddressAreThrottledAndOthersKeepTheirs() {
    HttpResponse<byte[]> issued =
        admin(
            "POST",
            "api/admin/v1/lao-cai/partners",
            "{\"name\":\"Guessed partner " + RUN + "\",\"channels\":[\"" + channel + "\"]}");
    assertEquals(201, issued.statusCode(), text(issued));
    String key = json(issued).get("key").asText();
    String feed = "api/v1/lao-cai/channels/" + channel + "/feed.json";
    String file = "api/v1/lao-cai/media/" + UUID.randomUUID() + "/original?channel=" + channel;
    String guesser = "127.0.0.3";
    for (int i = 0; i < 20; i++) {
      String guess = key.substring(0, key.length() - 2) + (char) ('a' + i) + "x";
      RawHttp.Reply wrong =
          switch (i % 3) {
            case 0 -> RawHttp.get(base, guesser, feed, List.of("X-Api-Key: " + guess));
            case 1 -> RawHttp.get(base, guesser, feed + "?api_key=" + guess, List.of());
            default -> RawHttp.get(base, guesser, file, List.of("X-Api-Key: sbk_" + i));
          };
      assertEquals(401, wrong.status(), wrong.toString());
    }
    for (String path : List.of(feed, file, "api/v1/lao-cai/channels/en-portal/feed.json")) {
      RawHttp.Reply blocked = RawHttp.get(base, guesser, path, List.of("X-Api-Key: " + key));
      assertEquals(429, blocked.status(), path + ": " + blocked);
      assertTrue(blocked.header("Content-Type").startsWith("application/problem+json"));
      assertTrue(blocked.body().contains("/problems/too-many-requests"), blocked.body());
      long retryAfter = Long.parseLong(blocked.header("Retry-After"));
      assertTrue(retryAfter > 800 && retryAfter <= 900, "seconds: " + retryAfter);
    }
    assertEquals(
        200,
        RawHttp.get(base, guesser, "api/v1/lao-cai/channels/en-portal/feed.json", List.of())
            .status(),
        "a public channel asks for no key, so the blocked address still reads it");

    HttpResponse<byte[]> elsewhere = get(feed, key);
    assertEquals(200, elsewhere.statusCode(), "the key keeps working from other addresses");
  }

  static HttpResponse<byte[]> get(String path, String key) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (key != null) {
      request.header("X-Api-Key", key);
    }
    return MediaApiIT.sendAnonymous(request);
  }

  static HttpResponse<byte[]> admin(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
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
