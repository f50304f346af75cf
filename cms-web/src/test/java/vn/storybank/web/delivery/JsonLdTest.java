package vn.storybank.web.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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
  private static final String PUBLISHER = "Cổng Thông tin điện tử tỉnh Lào Cai";
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
  private static final String BOARD = "Ban biên tập Cổng Thông tin điện tử tỉnh Lào Cai";
  private static final List<DeliveredItem.Label> PLACES =
      List.of(
          new DeliveredItem.Label("places", "sa-pa", "Sa Pa", 22.336, 103.844),
          new DeliveredItem.Label("places", "ta-van", "Tả Van", null, null),
          new DeliveredItem.Label("topics", "festivals", "Lễ hội", null, null));

  @Test
  void noVectorOfTheXssCorpusLeavesARawAngleBracketOrAmpersand() throws IOException {
    List<String> vectors = vectors();
    assertTrue(vectors.size() >= 50, "the corpus has " + vectors.size() + " vectors");
    vectors.add("h3xss0 <script>alert(1)</script>");
    vectors.add("line\u2028and\u2029paragraph separators end a script line in old engines");
    for (String title : vectors) {
      for (EntryType type : EntryType.values()) {
        String json =
            new String(JsonLd.bytes(item(type, title), PUBLISHER, LINKS), StandardCharsets.UTF_8);
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
      JsonNode parsed =
          Json.mapper().readTree(JsonLd.bytes(item(type, "Ruộng bậc thang"), PUBLISHER, LINKS));
      assertTrue(parsed.path("@type").isTextual(), type + ": " + parsed);
    }
  }

  @Test
  void aProductNamesItsProducerAndOcopRating() throws IOException {
    JsonNode parsed =
        Json.mapper()
            .readTree(JsonLd.bytes(item(EntryType.PRODUCT, "Chè Shan tuyết"), PUBLISHER, LINKS));
    assertEquals("HTX Tả Van", parsed.at("/manufacturer/name").asText(), parsed.toString());
    assertEquals(4, parsed.at("/additionalProperty/0/value").asInt(), parsed.toString());
    assertEquals(2024, parsed.at("/additionalProperty/1/value").asInt(), parsed.toString());
  }

  /**
   * Each kind of entry, with every optional part it can have, passes schema.org's vocabulary: known
   * types, properties in their domain, values in their range, no nulls.
   */
  @Test
  void everyKindOfEntryPassesTheSchemaOrgVocabulary() {
    Map<String, DeliveredItem> cases = new java.util.LinkedHashMap<>();
    cases.put("event", story("festival-event", LocalDate.parse("2026-12-12"), PLACES));
    cases.put("event without a date", story("festival-event", null, PLACES));
    cases.put("attraction", story("destination", null, PLACES));
    cases.put("article", story("exemplary-person", null, List.of()));
    cases.put(
        "product with a price range", product(new ProductFields.Price(120000L, 350000L, "VND")));
    cases.put("product with one price", product(new ProductFields.Price(90000L, 90000L, "VND")));
    cases.put("product without a price", product(null));
    cases.put("photo", media("image/jpeg", "CC BY 4.0", null));
    cases.put("photo with licence text", media("image/jpeg", "Bản quyền thuộc tác giả", null));
    cases.put("video", media("video/mp4", "CC BY-NC 4.0", "not a url"));
    cases.put("collection", item(EntryType.COLLECTION, "Sổ tay du lịch"));
    cases.put(
        "untitled photo",
        delivered(
            EntryType.MEDIA,
            null,
            null,
            List.of(),
            null,
            null,
            new MediaFields("image", null, null, null, null, null),
            List.of()));
    for (EntryType type : EntryType.values()) {
      cases.put(type.code(), item(type, "Ruộng bậc thang"));
    }
    List<String> violations = new ArrayList<>();
    cases.forEach(
        (name, item) ->
            SchemaOrg.vocabulary()
                .violations(JsonLd.of(item, PUBLISHER, LINKS))
                .forEach(v -> violations.add(name + ": " + v)));
    assertEquals(List.of(), violations, String.join("\n", violations));
  }

  @Test
  void aFestivalWithADateIsAnEventAtItsPlaces() {
    JsonNode event =
        JsonLd.of(story("festival-event", LocalDate.parse("2026-12-12"), PLACES), PUBLISHER, LINKS);
    assertEquals("Event", event.get("@type").asText(), event.toString());
    assertEquals("2026-12-12", event.get("startDate").asText(), event.toString());
    assertEquals("Sa Pa", event.at("/location/0/name").asText(), event.toString());
    assertEquals(22.336, event.at("/location/0/geo/latitude").asDouble(), event.toString());
    assertEquals("Tả Van", event.at("/location/1/name").asText(), event.toString());
    assertEquals(2, event.get("location").size(), "a topic is no place: " + event);
    assertFalse(event.has("geo"), event.toString());
    JsonNode undated = JsonLd.of(story("festival-event", null, PLACES), PUBLISHER, LINKS);
    assertEquals("Article", undated.get("@type").asText(), undated.toString());
    assertEquals("Sa Pa", undated.at("/contentLocation/0/name").asText(), undated.toString());
  }

  /** A byline says nothing of who it names: it is credit text; the tenant is the publisher. */
  @Test
  void anEditorialBoardIsNeverAPerson() {
    JsonNode article = JsonLd.of(story("cultural-heritage", null, List.of()), PUBLISHER, LINKS);
    assertFalse(article.toString().contains("\"Person\""), article.toString());
    assertEquals(BOARD, article.get("creditText").asText(), article.toString());
    assertEquals("Organization", article.at("/publisher/@type").asText(), article.toString());
    assertEquals(PUBLISHER, article.at("/publisher/name").asText(), article.toString());
    JsonNode place = JsonLd.of(story("destination", null, PLACES), PUBLISHER, LINKS);
    assertEquals("TouristAttraction", place.get("@type").asText(), place.toString());
    assertFalse(place.has("inLanguage"), place.toString());
    assertEquals(22.336, place.at("/geo/latitude").asDouble(), place.toString());
  }

  @Test
  void aLicenceIsAUrlAndOtherLicenceTextIsANotice() {
    JsonNode named = JsonLd.of(media("image/jpeg", "CC BY-NC-SA 4.0", null), PUBLISHER, LINKS);
    assertEquals(
        "https://creativecommons.org/licenses/by-nc-sa/4.0/",
        named.get("license").asText(),
        named.toString());
    JsonNode text =
        JsonLd.of(media("image/jpeg", "Bản quyền thuộc tác giả", null), PUBLISHER, LINKS);
    assertFalse(text.has("license"), text.toString());
    assertEquals(
        "© Sở VHTTDL Lào Cai. Bản quyền thuộc tác giả",
        text.get("copyrightNotice").asText(),
        text.toString());
    JsonNode zero = JsonLd.of(media("image/jpeg", "CC0", null), PUBLISHER, LINKS);
    assertEquals(
        "https://creativecommons.org/publicdomain/zero/1.0/", zero.get("license").asText());
  }

  @Test
  void aProductOffersItsPriceWhereItIsSoldOrNothing() {
    JsonNode range =
        JsonLd.of(product(new ProductFields.Price(120000L, 350000L, "VND")), PUBLISHER, LINKS);
    assertEquals("AggregateOffer", range.at("/offers/0/@type").asText(), range.toString());
    assertEquals(120000, range.at("/offers/0/lowPrice").asLong(), range.toString());
    assertEquals(350000, range.at("/offers/0/highPrice").asLong(), range.toString());
    assertEquals("VND", range.at("/offers/0/priceCurrency").asText(), range.toString());
    assertEquals("https://ocop.example.vn/che", range.at("/offers/0/url").asText());
    JsonNode one =
        JsonLd.of(product(new ProductFields.Price(90000L, null, "VND")), PUBLISHER, LINKS);
    assertEquals("Offer", one.at("/offers/0/@type").asText(), one.toString());
    assertEquals(90000, one.at("/offers/0/price").asLong(), one.toString());
    JsonNode none = JsonLd.of(item(EntryType.PRODUCT, "Chè"), PUBLISHER, LINKS);
    assertFalse(none.has("offers"), none.toString());
    assertFalse(none.toString().contains("null"), none.toString());
  }

  private static DeliveredItem story(
      String kind, LocalDate eventDate, List<DeliveredItem.Label> terms) {
    return delivered(
        EntryType.STORY,
        kind,
        "Lễ hội Gầu Tào",
        terms,
        22.336,
        103.844,
        new StoryFields(eventDate, BOARD, null),
        List.of(
            image(
                "hero",
                "image/jpeg",
                "CC BY 4.0",
                "https://creativecommons.org/licenses/by/4.0/")));
  }

  private static DeliveredItem product(ProductFields.Price price) {
    return delivered(
        EntryType.PRODUCT,
        null,
        "Chè Shan tuyết",
        PLACES,
        22.336,
        103.844,
        new ProductFields(
            new ProductFields.Producer("HTX Tả Van", "cooperative"),
            "food",
            new ProductFields.Ocop(4, 2024, "C-1"),
            price,
            List.of(
                new ProductFields.WhereToBuy(
                    "Gian hàng", "https://ocop.example.vn/che", "website"))),
        List.of());
  }

  private static DeliveredItem media(String contentType, String licence, String licenceUrl) {
    return delivered(
        EntryType.MEDIA,
        null,
        "Ruộng bậc thang",
        PLACES,
        null,
        null,
        new MediaFields("image", "Giàng A Páo", "Sở VHTTDL Lào Cai", licence, licenceUrl, AT),
        List.of(
            image("self", contentType, licence, licenceUrl),
            image("poster", "image/jpeg", licence, licenceUrl)));
  }

  private static DeliveredItem.DeliveredMedia image(
      String role, String contentType, String licence, String licenceUrl) {
    return new DeliveredItem.DeliveredMedia(
        role,
        UUID.randomUUID(),
        "image",
        contentType,
        1600,
        900,
        null,
        1000L,
        "Giàng A Páo",
        "Sở VHTTDL Lào Cai",
        licence,
        licenceUrl,
        "Mùa lúa chín",
        "Ruộng bậc thang",
        AT);
  }

  private static DeliveredItem delivered(
      EntryType type,
      String kind,
      String title,
      List<DeliveredItem.Label> terms,
      Double latitude,
      Double longitude,
      TypeFields fields,
      List<DeliveredItem.DeliveredMedia> media) {
    return new DeliveredItem(
        UUID.randomUUID(),
        "lao-cai",
        type,
        kind,
        1,
        "vi",
        "vi",
        new DeliveredItem.Text(
            title,
            null,
            "Tóm tắt",
            null,
            "slug",
            List.of(),
            "Chú thích",
            null,
            null,
            null,
            1,
            AT,
            AT),
        Map.of("vi", "slug"),
        AT,
        AT,
        terms,
        latitude,
        longitude,
        fields,
        media,
        Map.of());
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
