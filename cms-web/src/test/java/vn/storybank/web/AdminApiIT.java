package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin API over real HTTP against the WAR on Payara Micro, with the embedded defaults. */
@ExtendWith(EmbeddedServer.class)
class AdminApiIT {
  static final String STORIES = "api/admin/v1/lao-cai/stories";
  static Api api;

  @BeforeAll
  static void connect(PayaraServer server) {
    api = Api.admin(server);
  }

  @Test
  void healthIsUpWithTheDatabase() {
    Api.Reply health = api.anonymous().get("health");
    assertEquals(200, health.status(), health.toString());
    assertEquals("UP", health.json().get("status").asText());
    assertTrue(health.body().contains("database"), health.body());
  }

  @Test
  void openApiDocumentIsTheWrittenContract() {
    Api.Reply openapi = api.anonymous().get("openapi");
    assertEquals(200, openapi.status(), openapi.toString());
    assertTrue(openapi.body().contains("title: Storybank API"), openapi.body());
    assertTrue(
        openapi.body().contains("/api/admin/v1/{t}/stories/{id}/translations/{locale}/publish:"));
    assertTrue(openapi.body().contains("/api/admin/v1/{t}/import:"));
  }

  @Test
  void demoContentIsLoadedOnFirstStart() {
    JsonNode tenants = api.get("api/admin/v1/tenants").json().get("items");
    Set<String> codes = new HashSet<>();
    tenants.forEach(t -> codes.add(t.get("code").asText()));
    assertTrue(codes.containsAll(Set.of("lao-cai", "thai-nguyen")), codes.toString());

    JsonNode stories = api.get(STORIES + "?limit=200").json().get("items");
    assertTrue(stories.size() >= 25, "Lào Cai has about 30 demo stories, got " + stories.size());
    JsonNode products = api.get("api/admin/v1/lao-cai/products?limit=200").json().get("items");
    assertTrue(products.size() >= 8, products.toString());
    JsonNode ethnic =
        api.get("api/admin/v1/lao-cai/taxonomies/ethnic-groups/terms").json().get("items");
    assertEquals(54, ethnic.size(), "Vietnam recognises 54 ethnic groups");
    JsonNode english =
        api.get(STORIES + "?locale=en&status=published&limit=200").json().get("items");
    assertTrue(english.size() >= 15, english.toString());
  }

  @Test
  void fiveMinuteTourFromTheReadme() {
    Api.Reply created =
        api.post(
            STORIES,
            "{\"kind\":\"destination\",\"pillars\":[\"sapa-destination\"],\"places\":[\"sa-pa\"],"
                + "\"translations\":{\"vi\":{\"title\":\"Mùa hoa tam giác mạch ở Sa Pa\","
                + "\"summary\":\"Những cánh đồng hoa nở rộ.\",\"body\":\"<p>Mùa thu.</p>\"}}}");
    assertEquals(201, created.status(), created.toString());
    String id = created.json().get("id").asText();
    assertEquals("\"0\"", created.header("ETag"));
    assertTrue(
        created.header("Location").endsWith("/" + STORIES + "/" + id), created.header("Location"));
    assertEquals(
        "mua-hoa-tam-giac-mach-o-sa-pa", created.json().at("/translations/vi/slug").asText());

    Api.Reply english =
        api.put(
            STORIES + "/" + id + "/translations/en",
            "{\"title\":\"Buckwheat flower season in Sa Pa\"}");
    assertEquals(201, english.status(), english.toString());
    assertEquals(1, english.json().at("/translations/en/sourceRevision").asLong());

    Api.Reply published = api.post(STORIES + "/" + id + "/translations/en/publish", null);
    assertEquals(200, published.status(), published.toString());
    assertEquals("published", published.json().at("/translations/en/status").asText());

    JsonNode list = api.get(STORIES + "?locale=en&status=published&q=buckwheat").json();
    assertEquals(1, list.get("items").size(), list.toString());
    assertEquals(id, list.at("/items/0/id").asText());
    assertTrue(list.has("next"));

    JsonNode changes = api.get("api/admin/v1/lao-cai/changes?after=0&limit=1000").json();
    JsonNode last = changes.get("items").get(changes.get("items").size() - 1);
    assertEquals("PUBLISH", last.get("operation").asText());
    assertEquals(id, last.get("entityId").asText());
  }

  @Test
  void staleIfMatchIsRefusedAndChangesNothing() {
    String id = createStory("Chợ phiên Bắc Hà");
    Api.Reply ok = api.patch(STORIES + "/" + id, "{\"kind\":\"festival-event\"}", "\"0\"");
    assertEquals(200, ok.status(), ok.toString());
    assertEquals("\"1\"", ok.header("ETag"));
    Api.Reply stale = api.patch(STORIES + "/" + id, "{\"kind\":\"destination\"}", "\"0\"");
    assertProblem(stale, 412, "stale-version");
    assertEquals("festival-event", api.get(STORIES + "/" + id).json().get("kind").asText());
    assertProblem(api.delete(STORIES + "/" + id, "\"0\""), 412, "stale-version");
    assertEquals(204, api.delete(STORIES + "/" + id, "\"1\"").status());
    assertProblem(api.get(STORIES + "/" + id), 404, "not-found");
  }

  @Test
  void everyErrorIsAProblemThatChangesNothing() {
    long before = lastChange();
    assertProblem(api.post(STORIES, "{\"kind\":"), 400, "malformed-json");
    Api.Reply unknown =
        api.post(
            STORIES,
            "{\"kind\":\"destination\",\"colour\":\"red\",\"translations\":{\"vi\":{\"title\":\"x\"}}}");
    assertProblem(unknown, 400, "invalid");
    assertEquals("colour", unknown.json().at("/errors/0/field").asText());

    Api.Reply invalid =
        api.post(
            STORIES,
            "{\"kind\":\"nope\",\"pillars\":[\"nope\"],\"translations\":{\"vi\":{\"title\":\"\"},\"fr\":{\"title\":\"Bonjour\"}}}");
    assertProblem(invalid, 400, "invalid");
    Set<String> fields = new HashSet<>();
    invalid.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertEquals(Set.of("kind", "pillars[0]", "translations.vi.title", "translations.fr"), fields);

    assertProblem(api.get("api/admin/v1/son-la/stories"), 404, "not-found");
    assertProblem(
        api.put(STORIES + "/" + createStoryNoLog() + "/translations/fr", "{\"title\":\"x\"}"),
        400,
        "invalid");
    assertProblem(
        api.send("POST", STORIES, "text/plain", "hello", null), 415, "unsupported-media-type");
    String huge =
        "{\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\"x\",\"body\":\""
            + "a".repeat(3 * 1024 * 1024)
            + "\"}}}";
    Api.Reply tooLarge = api.postLarge(STORIES, huge);
    assertProblem(tooLarge, 413, "payload-too-large");
    // The operator is told which setting raises the limit, in both spellings.
    assertTrue(
        tooLarge.json().get("detail").asText().contains("cms.api.max-body-bytes")
            && tooLarge.json().get("detail").asText().contains("CMS_API_MAX_BODY_BYTES"),
        tooLarge.body());
    assertProblem(api.anonymous().get(STORIES), 401, "unauthorized");
    assertProblem(api.as("admin", "wrong").get(STORIES), 401, "unauthorized");
    assertProblem(api.anonymous().get("api/admin/v1/lao-cai/export"), 401, "unauthorized");
    assertProblem(
        api.anonymous()
            .send("POST", "api/admin/v1/lao-cai/import", "application/x-ndjson", "{}", null),
        401,
        "unauthorized");
    assertProblem(api.anonymous().get("api/admin/v1/tenants"), 401, "unauthorized");
    assertProblem(api.get(STORIES + "/not-a-uuid"), 404, "not-found");
    assertProblem(api.get(STORIES + "?limit=abc"), 400, "invalid");
    assertProblem(api.get(STORIES + "?cursor=garbage"), 400, "invalid");
    assertProblem(api.delete("api/admin/v1/lao-cai/changes", null), 405, "method-not-allowed");
    assertEquals(before + 1, lastChange(), "only the one valid story was logged");
  }

  @Test
  void productsMediaCollectionsTermsAndTenantsOverHttp() {
    String base = "api/admin/v1/lao-cai/";
    String product =
        "{\"productGroup\":\"food\",\"producer\":{\"name\":\"HTX Mật ong\",\"kind\":\"cooperative\"},"
            + "\"commune\":\"sa-pa\",\"ocop\":{\"stars\":STARS,\"year\":2024},"
            + "\"translations\":{\"vi\":{\"title\":\"Mật ong bạc hà\"}}}";
    Api.Reply twoStars = api.post(base + "products", product.replace("STARS", "2"));
    assertProblem(twoStars, 400, "invalid");
    assertEquals("ocop.stars", twoStars.json().at("/errors/0/field").asText());
    Api.Reply fiveStars = api.post(base + "products", product.replace("STARS", "5"));
    assertEquals(201, fiveStars.status(), fiveStars.toString());
    assertEquals(1, api.get(base + "products?stars=5&q=bạc%20hà").json().get("items").size());

    Api.Reply media =
        api.post(
            base + "media",
            "{\"mediaType\":\"photo\",\"peopleIdentifiable\":true,\"consentObtained\":true,"
                + "\"translations\":{\"vi\":{\"caption\":\"Chợ phiên\",\"altText\":\"Người dân ở chợ\"}}}");
    assertEquals(201, media.status(), media.toString());
    Api.Reply collection =
        api.post(
            base + "collections",
            "{\"purpose\":\"press-kit\",\"items\":[\""
                + media.json().get("id").asText()
                + "\",\""
                + fiveStars.json().get("id").asText()
                + "\"],\"translations\":{\"vi\":{\"title\":\"Tư liệu báo chí mới\"}}}");
    assertEquals(201, collection.status(), collection.toString());
    assertProblem(
        api.delete(base + "media/" + media.json().get("id").asText(), null), 409, "conflict");

    Api.Reply term =
        api.post(
            base + "taxonomies/places/terms",
            "{\"code\":\"new-commune\",\"labels\":{\"vi\":\"Xã mới\"},\"parent\":\"lao-cai\","
                + "\"geo\":{\"lat\":22.39,\"lon\":103.82},\"validFrom\":\"2025-07-01\"}");
    assertEquals(201, term.status(), term.toString());
    Api.Reply renamed =
        api.patch(
            base + "taxonomies/places/terms/new-commune",
            "{\"labels\":{\"en\":\"New commune\"}}",
            "\"0\"");
    assertEquals(200, renamed.status(), renamed.toString());
    assertEquals("Xã mới", renamed.json().at("/labels/vi").asText());
    assertProblem(api.get(base + "taxonomies/rivers/terms"), 404, "not-found");
    assertEquals(204, api.delete(base + "taxonomies/places/terms/new-commune", null).status());

    Api.Reply tenant = api.get("api/admin/v1/lao-cai");
    assertEquals(200, tenant.status());
    String etag = tenant.header("ETag");
    String body =
        "{\"names\":{\"vi\":\"Lào Cai\",\"en\":\"Lao Cai\"},\"sourceLocale\":\"vi\",\"locales\":"
            + tenant.json().get("locales")
            + ",\"timeZone\":\"Asia/Ho_Chi_Minh\"}";
    Api.Reply stale = api.send("PUT", "api/admin/v1/lao-cai", "application/json", body, "\"999\"");
    assertProblem(stale, 412, "stale-version");
    Api.Reply updated = api.send("PUT", "api/admin/v1/lao-cai", "application/json", body, etag);
    assertEquals(200, updated.status(), updated.toString());
    // The tenant's former URL, for scripts written before it moved: the same tenant, unlisted.
    Api.Reply former = api.get("api/admin/v1/tenants/lao-cai");
    assertEquals(200, former.status(), former.toString());
    assertEquals(updated.header("ETag"), former.header("ETag"));
    assertEquals(api.get("api/admin/v1/lao-cai").json(), former.json());
    Api.Reply formerPut =
        api.send(
            "PUT", "api/admin/v1/tenants/lao-cai", "application/json", body, former.header("ETag"));
    assertEquals(200, formerPut.status(), formerPut.toString());
  }

  @Test
  void tenantsAreIsolated() {
    String id = createStory("Chỉ của Lào Cai");
    assertProblem(api.get("api/admin/v1/thai-nguyen/stories/" + id), 404, "not-found");
    assertProblem(
        api.patch("api/admin/v1/thai-nguyen/stories/" + id, "{\"kind\":\"destination\"}", null),
        404,
        "not-found");
    assertProblem(api.delete("api/admin/v1/thai-nguyen/stories/" + id, null), 404, "not-found");
    assertEquals(200, api.get(STORIES + "/" + id).status());
  }

  @Test
  void cursorPaginationVisitsEveryStoryOnce() {
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int total = 0;
    do {
      JsonNode page =
          api.get(STORIES + "?limit=7" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.get("items").forEach(s -> seen.add(s.get("id").asText()));
      total += page.get("items").size();
      cursor = page.get("next").isNull() ? null : page.get("next").asText();
    } while (cursor != null);
    assertEquals(total, seen.size());
    assertTrue(total >= 25);
  }

  /**
   * Lists give summaries (no bodies) unless asked for whole entries, sort by the publication date
   * with never-published entries last, and an import keeps the dates a migrated bank gives.
   */
  @Test
  void listsGiveSummariesSortByPublicationAndImportKeepsDates() {
    String base = "api/admin/v1/thai-nguyen/stories";
    String older = java.util.UUID.randomUUID().toString();
    String newer = java.util.UUID.randomUUID().toString();
    String lines =
        story(older, "2019-05-01T08:00:00+07:00", "2019-05-02T09:30:00+07:00", "Chè Tân Cương xưa")
            + story(newer, "2020-01-01T00:00:00Z", "2020-02-03T04:05:06Z", "Hồ Núi Cốc ngày ấy")
            + story(java.util.UUID.randomUUID().toString(), "yesterday", null, "Ngày nào")
            + "{\"type\":\"story\",\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":"
            + "\"Bản nháp\",\"publishedAt\":\"2019-01-01T00:00:00Z\"}}}\n";
    Api.Reply imported =
        api.send("POST", "api/admin/v1/thai-nguyen/import", "application/x-ndjson", lines, null);
    assertEquals(200, imported.status(), imported.toString());
    assertEquals(2, imported.json().get("failed").asInt(), imported.toString());
    assertTrue(imported.body().contains("createdAt"), imported.body());
    assertTrue(imported.body().contains("translations.vi.publishedAt"), imported.body());

    Api.Reply draft =
        api.post(
            base, "{\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\"Chưa đăng\"}}}");
    assertEquals(201, draft.status(), draft.toString());

    JsonNode kept = api.get(base + "/" + older).json();
    assertEquals("2019-05-01T01:00:00Z", kept.get("createdAt").asText());
    assertEquals("2019-05-02T02:30:00Z", kept.at("/translations/vi/publishedAt").asText());

    List<JsonNode> byPublication = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          api.get(base + "?sort=-publishedAt&limit=4" + (cursor == null ? "" : "&cursor=" + cursor))
              .json();
      page.get("items").forEach(byPublication::add);
      cursor = page.get("next").isNull() ? null : page.get("next").asText();
    } while (cursor != null);
    JsonNode all = api.get(base + "?sort=-publishedAt&limit=200").json().get("items");
    assertEquals(all.size(), byPublication.size());
    List<String> dates = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      assertEquals(all.get(i).get("id"), byPublication.get(i).get("id"), "pages follow the list");
      dates.add(all.get(i).path("publishedAt").asText(null));
    }
    int unpublished = dates.indexOf(null);
    assertTrue(unpublished > 0, "published stories first, then the draft: " + dates);
    assertTrue(dates.subList(unpublished, dates.size()).stream().allMatch(d -> d == null));
    List<String> published = dates.subList(0, unpublished);
    assertEquals(
        published.stream().sorted(java.util.Comparator.reverseOrder()).toList(), published);
    assertTrue(
        published.indexOf("2020-02-03T04:05:06Z") < published.indexOf("2019-05-02T02:30:00Z"));
    assertEquals(
        "2019-05-02T02:30:00Z",
        all.get(unpublished - 1).get("publishedAt").asText(),
        "oldest last");

    JsonNode summary = all.get(0);
    assertEquals("story", summary.get("type").asText());
    assertTrue(
        summary.has("kind") && summary.has("places") && summary.has("pillars"), summary.toString());
    JsonNode text = summary.get("translations").elements().next();
    assertTrue(text.has("title") && text.has("status") && !text.has("body"), summary.toString());
    JsonNode whole = api.get(base + "?sort=-publishedAt&limit=1&view=full").json().at("/items/0");
    assertEquals(summary.get("id"), whole.get("id"));
    assertTrue(whole.get("translations").elements().next().has("body"), whole.toString());
    assertProblem(api.get(base + "?view=everything"), 400, "invalid");
    assertProblem(api.get(base + "?sort=-title"), 400, "invalid");
  }

  private static String story(String id, String createdAt, String publishedAt, String title) {
    return "{\"type\":\"story\",\"id\":\""
        + id
        + "\",\"kind\":\"destination\",\"createdAt\":\""
        + createdAt
        + "\",\"translations\":{\"vi\":{\"title\":\""
        + title
        + "\",\"status\":\"published\""
        + (publishedAt == null ? "" : ",\"publishedAt\":\"" + publishedAt + "\"")
        + "}}}\n";
  }

  @Test
  void exportImportRoundTripsOverHttp() {
    Api.Reply export = api.get("api/admin/v1/thai-nguyen/export");
    assertEquals(200, export.status());
    assertEquals("application/x-ndjson", export.header("Content-Type"));
    assertTrue(export.body().startsWith("{\"type\":\"tenant\""), export.body().substring(0, 80));
    Api.Reply imported =
        api.send(
            "POST", "api/admin/v1/thai-nguyen/import", "application/x-ndjson", export.body(), null);
    assertEquals(200, imported.status(), imported.toString());
    assertEquals(0, imported.json().get("failed").asInt(), imported.toString());
    assertEquals(0, imported.json().get("created").asInt());
    assertEquals(export.body(), api.get("api/admin/v1/thai-nguyen/export").body());

    String bad =
        "{\"type\":\"story\",\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\"Hồ Núi Cốc mùa thu\"}}}\n{\"type\":\"story\"}\n";
    Api.Reply atomic =
        api.send(
            "POST",
            "api/admin/v1/thai-nguyen/import?atomic=true",
            "application/x-ndjson",
            bad,
            null);
    assertProblem(atomic, 422, "import-rejected");
    assertEquals(2, atomic.json().at("/report/errors/0/line").asInt());
    assertEquals(
        0, api.get("api/admin/v1/thai-nguyen/stories?q=mùa%20thu").json().get("items").size());

    Api.Reply lenient =
        api.send("POST", "api/admin/v1/thai-nguyen/import", "application/x-ndjson", bad, null);
    assertEquals(200, lenient.status(), lenient.toString());
    assertEquals(1, lenient.json().get("created").asInt());
    assertEquals(1, lenient.json().get("failed").asInt());
  }

  private static String createStory(String title) {
    Api.Reply created =
        api.post(
            STORIES,
            "{\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\"" + title + "\"}}}");
    assertEquals(201, created.status(), created.toString());
    return created.json().get("id").asText();
  }

  private static String createStoryNoLog() {
    return createStory("Một câu chuyện");
  }

  private static long lastChange() {
    return api.get("api/admin/v1/lao-cai/changes?after=0&limit=1000").json().get("items").size();
  }

  static void assertProblem(Api.Reply reply, int status, String type) {
    assertEquals(status, reply.status(), reply.toString());
    assertEquals("application/problem+json", reply.header("Content-Type"), reply.toString());
    JsonNode problem = reply.json();
    // Absolute, under the address the request came to or the public URL (PostgresApiIT sets one),
    // where a page explains it.
    assertTrue(
        problem.get("type").asText().matches("https?://[^/]+(/[^?#]*)?/problems/" + type),
        reply.toString());
    assertEquals(status, problem.get("status").asInt());
    assertNotNull(problem.get("title"));
    assertFalse(problem.get("detail").asText().isBlank());
    assertFalse(reply.body().contains("Exception"), "no stack traces: " + reply.body());
    assertNull(problem.get("trace"));
  }
}
