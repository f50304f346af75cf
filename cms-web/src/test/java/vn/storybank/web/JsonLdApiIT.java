package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.storybank.web.delivery.SchemaOrg;

/**
 * The JSON-LD of every demo entry, as a partner's validator reads it: each answer of the item API
 * for {@code Accept: application/ld+json}, in the default locale and in English (where most are
 * fallbacks), checked against schema.org's vocabulary (see {@link SchemaOrg}).
 */
@ExtendWith(EmbeddedServer.class)
class JsonLdApiIT {
  private static final String LD = "application/ld+json";
  private static final List<String> TENANTS = List.of("lao-cai", "thai-nguyen");
  private static final List<String> COLLECTIONS =
      List.of("stories", "products", "media", "collections");
  static Api api;

  @BeforeAll
  static void connect(PayaraServer server) {
    api = Api.admin(server).anonymous();
    // The demo content loads in the background on first start.
    waitUntil(
        "the demo content is published",
        Duration.ofMinutes(2),
        () ->
            TENANTS.stream()
                .allMatch(
                    t -> {
                      Api.Reply stories = api.get("api/v1/" + t + "/stories?limit=5");
                      return stories.status() == 200 && stories.json().get("items").size() == 5;
                    }));
  }

  @Test
  void everyDemoEntryPassesTheSchemaOrgVocabulary() {
    List<String> violations = new ArrayList<>();
    Set<String> types = new TreeSet<>();
    int checked = 0;
    for (String tenant : TENANTS) {
      for (String collection : COLLECTIONS) {
        for (String id : ids(tenant, collection)) {
          for (String locale : List.of("", "?locale=en")) {
            String path = "api/v1/" + tenant + "/" + collection + "/" + id + locale;
            Api.Reply reply = api.get(path, LD);
            assertEquals(200, reply.status(), path + ": " + reply);
            assertTrue(reply.header("Content-Type").startsWith(LD), path);
            JsonNode json = reply.json();
            types.add(json.path("@type").asText());
            SchemaOrg.vocabulary().violations(json).forEach(v -> violations.add(path + " " + v));
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 100, "only " + checked + " answers");
    assertEquals(List.of(), violations, String.join("\n", violations));
    // Every type the demo gives rise to was seen: the festival with a date is an Event.
    assertTrue(
        types.containsAll(
            Set.of(
                "Article", "Event", "TouristAttraction", "Product", "ImageObject", "CreativeWork")),
        types.toString());
  }

  @Test
  void theTeaFestivalIsAnEventAndAProductOffersItsPrice() {
    JsonNode festival =
        api.get("api/v1/thai-nguyen/stories/7a10e000-8b6c-5e3e-884b-d5b86c063a69", LD).json();
    assertEquals("Event", festival.get("@type").asText(), festival.toString());
    assertEquals("2026-12-12", festival.get("startDate").asText(), festival.toString());
    assertEquals("Place", festival.at("/location/0/@type").asText(), festival.toString());
    JsonNode products = api.get("api/v1/lao-cai/products?limit=100").json().get("items");
    int offered = 0;
    for (JsonNode product : products) {
      JsonNode ld = api.get("api/v1/lao-cai/products/" + product.get("id").asText(), LD).json();
      if (ld.has("offers")) {
        assertTrue(ld.at("/offers/0/priceCurrency").isTextual(), ld.toString());
        offered++;
      }
    }
    assertTrue(offered > 0, "no demo product offers a price");
  }

  private static List<String> ids(String tenant, String collection) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      Api.Reply page =
          api.get(
              "api/v1/"
                  + tenant
                  + "/"
                  + collection
                  + "?limit=100"
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(200, page.status(), page.toString());
      page.json().get("items").forEach(i -> ids.add(i.get("id").asText()));
      JsonNode next = page.json().get("next");
      cursor = next == null || next.isNull() ? null : next.asText();
    } while (cursor != null);
    return ids;
  }
}
