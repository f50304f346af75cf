package vn.storybank.web.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.storybank.core.delivery.DeliveredItem;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.entrytype.CollectionFields;
import vn.storybank.core.entrytype.MediaFields;
import vn.storybank.core.entrytype.ProductFields;
import vn.storybank.core.entrytype.StoryFields;
import vn.storybank.core.entrytype.TypeFields;
import vn.storybank.core.json.Json;

/**
 * JSON-LD is pasted into {@code <script type="application/ld+json">} by the portals that embed it:
 * no title, whatever an editor typed, may close that element or open another.
 */
class JsonLdTest {
  private static final Links LINKS = Links.of("https://cms.example.org", null, "lao-cai");

  @Test
  void noVectorOfTheXssCorpusLeavesARawAngleBracketOrAmpersand() throws IOException {
    List<String> vectors = vectors();
    assertTrue(vectors.size() >= 50, "the corpus has " + vectors.size() + " vectors");
    vectors.add("h3xss0 <script>alert(1)</script>");
    vectors.add("line\u2028and\u2029paragraph separators end a script line in old engines");
    for (String title : vectors) {
      for (EntryType type : EntryType.values()) {
        String json = new String(JsonLd.bytes(item(type, title), LINKS), StandardCharsets.UTF_8);
        for (String raw : List.of("<", ">", "&", "\u2028", "\u2029")) {
          assertFalse(json.contains(raw), raw + " raw in " + json);
        }
        JsonNode parsed = Json.mapper().readTree(json);
        String name = type == EntryType.STORY ? "headline" : "name";
        assertEquals(title, parsed.get(name).asText(), json);
        assertEquals(title, parsed.get("description").asText(), json);
      }
    }
  }

  /** A new entry type is rendered as something: JSON-LD without a schema.org type is useless. */
  @Test
  void everyEntryTypeHasASchemaOrgType() throws IOException {
    for (EntryType type : EntryType.values()) {
      JsonNode parsed = Json.mapper().readTree(JsonLd.bytes(item(type, "Ruộng bậc thang"), LINKS));
      assertTrue(parsed.path("@type").isTextual(), type + ": " + parsed);
    }
  }

  @Test
  void aProductNamesItsProducerAndOcopRating() throws IOException {
    JsonNode parsed =
        Json.mapper().readTree(JsonLd.bytes(item(EntryType.PRODUCT, "Chè Shan tuyết"), LINKS));
    assertEquals("HTX Tả Van", parsed.at("/manufacturer/name").asText(), parsed.toString());
    assertEquals(4, parsed.at("/additionalProperty/0/value").asInt(), parsed.toString());
    assertEquals(2024, parsed.at("/additionalProperty/1/value").asInt(), parsed.toString());
  }

  private static DeliveredItem item(EntryType type, String title) {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    return new DeliveredItem(
        UUID.randomUUID(),
        "lao-cai",
        type,
        "festival-event",
        1,
        "vi",
        "vi",
        new DeliveredItem.Text(
            title, null, title, null, "slug", List.of(), null, null, null, null, 1, at, at),
        Map.of("vi", "slug"),
        at,
        at,
        List.of(),
        null,
        null,
        fields(type),
        List.of(),
        Map.of());
  }

  private static TypeFields fields(EntryType type) {
    return switch (type) {
      case STORY -> new StoryFields(null, "Lò Văn Minh", null);
      case PRODUCT ->
          new ProductFields(
              new ProductFields.Producer("HTX Tả Van", "cooperative"),
              "food",
              new ProductFields.Ocop(4, 2024, null),
              null,
              List.of());
      case MEDIA -> new MediaFields("image", null, null, null, null, null);
      case COLLECTION -> new CollectionFields("guide");
    };
  }

  private static List<String> vectors() throws IOException {
    try (InputStream in = JsonLdTest.class.getResourceAsStream("/xss/vectors.txt")) {
      return new ArrayList<>(
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.isBlank() && !l.startsWith("#"))
              .toList());
    }
  }
}
