package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;
import static vn.storybank.web.MediaApiIT.json;
import static vn.storybank.web.MediaApiIT.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.storybank.core.json.Json;
import vn.storybank.core.webhook.Receiver;

/**
 * A partner subscribes a receiver over the admin API, an editor publishes a story, and the receiver
 * gets a {@code story.published} signed with the secret it was given; the message is listed with
 * its attempts and replays with the same id.
 */
@ExtendWith(EmbeddedServer.class)
class WebhooksApiIT {
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void connect(PayaraServer server) {
    MediaApiIT.connect(server);
    DeliveryApiIT.base = server.base();
  }

  @Test
  void aSubscribedReceiverGetsASignedStoryPublishedAndAReplayWithTheSameId() throws Exception {
    try (Receiver receiver = new Receiver()) {
      HttpResponse<byte[]> created =
          DeliveryApiIT.adminSend(
              "POST",
              "webhooks",
              "{\"channel\":\"vi-portal\",\"url\":\""
                  + receiver.url()
                  + "\",\"events\":[\"published\",\"unpublished\"]}");
      assertEquals(201, created.statusCode(), text(created));
      JsonNode subscription = json(created);
      String id = subscription.get("id").asText();
      String secret = subscription.get("secret").asText();
      assertTrue(secret.startsWith("whsec_"), secret);
      assertTrue(
          created.headers().firstValue("Location").orElse("").endsWith("/webhooks/" + id),
          text(created));
      JsonNode listed = DeliveryApiIT.admin("GET", "webhooks", null);
      assertTrue(listed.toString().contains(id));
      assertFalse(listed.toString().contains("secret"), "the secret is shown only once");
      assertFalse(
          DeliveryApiIT.admin("GET", "webhooks/" + id, null).has("secret"),
          "the secret is shown only once");

      String story = DeliveryApiIT.story("Lễ hội Gầu Tào " + RUN, null, null, true);
      Receiver.Request request =
          await(receiver, r -> r.body().contains(story), "story.published for " + story);
      assertTrue(request.signedWith(secret), "the signature verifies with the secret");
      assertTrue(request.id().startsWith("msg_"), request.id());
      JsonNode event = Json.mapper().readTree(request.body());
      assertEquals("story.published", event.get("type").asText());
      assertEquals("vi-portal", event.at("/data/channel").asText());
      assertEquals("[\"vi\"]", event.at("/data/locales").toString());
      String url = event.at("/data/url").asText();
      assertTrue(url.endsWith("/api/v1/lao-cai/stories/" + story + "?channel=vi-portal"), url);

      JsonNode delivered =
          awaitMessage(id, "delivered", request.id()).orElseThrow(AssertionError::new);
      assertEquals(1, delivered.get("attempts").asInt());
      assertEquals(204, delivered.get("lastStatus").asInt());

      JsonNode replayed =
          DeliveryApiIT.admin(
              "POST", "webhooks/" + id + "/messages/" + request.id() + "/replay", null);
      assertEquals("pending", replayed.get("status").asText());
      await(
          receiver,
          r -> r.id().equals(request.id()) && r != request,
          "the replay of " + request.id());
      assertEquals(
          2, receiver.received().stream().filter(r -> r.id().equals(request.id())).count());

      MediaApiIT.assertProblem(
          DeliveryApiIT.adminSend("GET", "webhooks/" + id + "/messages?status=lost", null), 400);
      assertEquals(204, DeliveryApiIT.adminSend("DELETE", "webhooks/" + id, null).statusCode());
      MediaApiIT.assertProblem(DeliveryApiIT.adminSend("GET", "webhooks/" + id, null), 404);
    }
  }

  @Test
  void anInvalidSubscriptionIsA400ListingEveryField() {
    HttpResponse<byte[]> refused =
        DeliveryApiIT.adminSend(
            "POST",
            "webhooks",
            "{\"channel\":\"no-such-channel\",\"url\":\"ftp://partner.example/\","
                + "\"events\":[\"created\"]}");
    MediaApiIT.assertProblem(refused, 400);
    List<String> fields =
        json(refused).get("errors").findValues("field").stream().map(JsonNode::asText).toList();
    assertEquals(List.of("channel", "url", "events"), fields, text(refused));
  }

  private static Receiver.Request await(
      Receiver receiver, Predicate<Receiver.Request> wanted, String what) throws Exception {
    waitUntil(
        "the receiver got " + what,
        Duration.ofSeconds(30),
        () -> receiver.received().stream().anyMatch(wanted));
    return receiver.received().stream().filter(wanted).findFirst().orElseThrow();
  }

  private static java.util.Optional<JsonNode> awaitMessage(String id, String status, String message)
      throws Exception {
    java.util.concurrent.atomic.AtomicReference<JsonNode> found =
        new java.util.concurrent.atomic.AtomicReference<>();
    waitUntil(
        "the message " + message + " is listed as " + status,
        Duration.ofSeconds(30),
        () -> {
          for (JsonNode m :
              DeliveryApiIT.admin("GET", "webhooks/" + id + "/messages?status=" + status, null)
                  .get("items")) {
            if (m.get("id").asText().equals(message)) {
              found.set(m);
            }
          }
          return found.get() != null;
        });
    return java.util.Optional.of(found.get());
  }
}
