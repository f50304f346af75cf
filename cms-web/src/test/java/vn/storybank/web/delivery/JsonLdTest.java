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
        Map.of(),
        List.of(),
        Map.of());
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
