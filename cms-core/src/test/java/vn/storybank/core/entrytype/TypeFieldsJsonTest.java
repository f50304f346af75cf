package vn.storybank.core.entrytype;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.storybank.core.json.Json;
import vn.storybank.core.product.ProductInput;

/**
 * The typed fields write the JSON the item API always wrote, and hash as the maps they replace did:
 * webhook fingerprints stored before stay equal for unchanged items.
 */
class TypeFieldsJsonTest {
  private static final ObjectMapper JSON = Json.mapper();
  private static final ObjectMapper CANONICAL =
      Json.mapper().copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @Test
  void aStoryLeavesOutWhatIsEmpty() throws Exception {
    assertEquals(
        "{\"eventDate\":\"2026-09-01\",\"credit\":\"Lò Văn Minh\"}",
        JSON.writeValueAsString(new StoryFields(LocalDate.of(2026, 9, 1), "Lò Văn Minh", null)));
  }

  @Test
  void aProductWritesAndHashesAsItsMapDid() throws Exception {
    ProductFields fields =
        new ProductFields(
            new ProductFields.Producer("HTX Tả Van", "cooperative"),
            "tea",
            new ProductFields.Ocop(4, 2024, "OCOP-123"),
            new ProductFields.Price(120000L, null, "VND"),
            List.of(new ProductFields.WhereToBuy("Chợ Sa Pa", "https://example.org", null)));
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("producer", Map.of("name", "HTX Tả Van", "kind", "cooperative"));
    before.put("productGroup", "tea");
    before.put("ocop", new ProductInput.Ocop(4, 2024, "OCOP-123"));
    before.put("price", new ProductInput.PriceRange(120000L, null, "VND"));
    before.put(
        "whereToBuy",
        List.of(new ProductInput.WhereToBuy("Chợ Sa Pa", "https://example.org", null)));
    assertEquals(CANONICAL.writeValueAsString(before), CANONICAL.writeValueAsString(fields));
    // As trees: Map.of orders the producer's two keys differently in each JVM.
    assertEquals(
        JSON.readTree(JSON.writeValueAsString(before)),
        JSON.readTree(JSON.writeValueAsString(fields)));
    assertEquals(
        "{\"name\":\"HTX Tả Van\",\"kind\":\"cooperative\"}",
        JSON.writeValueAsString(fields.json().get("producer")));
  }

  @Test
  void aProductWithoutShopsLeavesThemOut() throws Exception {
    ProductFields fields =
        new ProductFields(
            new ProductFields.Producer("Bà Lan", "household"), "food", null, null, List.of());
    assertEquals(
        "{\"producer\":{\"kind\":\"household\",\"name\":\"Bà Lan\"},\"productGroup\":\"food\"}",
        CANONICAL.writeValueAsString(fields));
  }

  @Test
  void aMediaAssetWritesAndHashesAsItsMapDid() throws Exception {
    Instant captured = Instant.parse("2026-03-01T02:00:00Z");
    MediaFields fields = new MediaFields("photo", "Lò Văn Minh", null, "CC-BY-4.0", null, captured);
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("mediaType", "photo");
    before.put("credit", "Lò Văn Minh");
    before.put("licence", "CC-BY-4.0");
    before.put("capturedAt", captured);
    assertEquals(CANONICAL.writeValueAsString(before), CANONICAL.writeValueAsString(fields));
    assertEquals(JSON.writeValueAsString(before), JSON.writeValueAsString(fields));
  }
}
