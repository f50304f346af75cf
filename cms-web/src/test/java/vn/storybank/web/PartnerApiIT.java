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
    DeliveryApiIT.assertProblem(get(feed, key.substring(0, key.length() - 2) + "xx"), 401);
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
