package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.storybank.core.media.TestMedia;
import vn.storybank.web.http.RequestIds;
import vn.storybank.web.http.RequestLog;

/**
 * What an operator relies on to watch a node, on a server of the test's own (the media store is
 * broken on purpose; the log is JSON, as CMS_LOG_FORMAT=json makes it): /metrics has Storybank's
 * figures, every answer carries an X-Request-Id that leads to the server's log lines about it, and
 * /health/ready goes DOWN when the media store cannot take files.
 */
class ObservabilityApiIT {
  private static final String UUID_FORM =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  static PayaraServer server;
  static Api admin;

  @BeforeAll
  static void start() throws IOException {
    Path data = Files.createTempDirectory(Path.of("target"), "data-observe-").toAbsolutePath();
    server =
        PayaraServer.start(
            "observe",
            data,
            Map.of("CMS_METRICS_TOKEN", EmbeddedServer.METRICS_TOKEN, "CMS_LOG_FORMAT", "json"));
    admin = Api.admin(server);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /**
   * After some traffic, /metrics (what Prometheus reads, with the token) has each of Storybank's
   * figures with a value the traffic explains, and the request figures per resource method.
   */
  @Test
  void metricsHaveEveryFigureWithAPlausibleValue() {
    // Two identical delivery reads: the second is a hit (the cache keeps an answer 5 s).
    String story = null;
    for (JsonNode item : admin.get("api/admin/v1/lao-cai/stories?limit=50").json().get("items")) {
      Api.Reply delivered =
          admin.anonymous().get("api/v1/lao-cai/stories/" + item.get("id").asText());
      if (delivered.status() == 200) {
        story = "api/v1/lao-cai/stories/" + item.get("id").asText();
        break;
      }
    }
    assertNotNull(story, "a delivered story in the demo content");
    admin.anonymous().get(story);
    // Two admin list reads: the second is a hit.
    admin.get("api/admin/v1/lao-cai/products?limit=7");
    admin.get("api/admin/v1/lao-cai/products?limit=7");
    // A rendition asked twice: made once, then served from the media store.
    String media =
        admin
            .get("api/admin/v1/lao-cai/media?limit=5")
            .json()
            .get("items")
            .get(0)
            .get("id")
            .asText();
    for (int i = 0; i < 2; i++) {
      Api.Reply card = admin.get("api/admin/v1/lao-cai/media/" + media + "/renditions/card");
      assertEquals(200, card.status(), card.toString());
    }

    // An import: the tenant's own export, back in (every line an update). The demo content was
    // imported too, at the start.
    double importedBefore =
        prometheus(admin.anonymous().bearer(EmbeddedServer.METRICS_TOKEN).get("metrics").body())
            .get("storybank_import_lines_total");
    Api.Reply export = admin.get("api/admin/v1/lao-cai/export");
    assertEquals(200, export.status(), export.toString());
    Api.Reply imported =
        admin.send(
            "POST", "api/admin/v1/lao-cai/import", "application/x-ndjson", export.body(), null);
    assertEquals(200, imported.status(), imported.toString());
    JsonNode report = imported.json();
    long lines =
        report.get("created").asLong()
            + report.get("updated").asLong()
            + report.get("failed").asLong();
    assertTrue(lines > 0, report.toString());

    Api metricsReader = admin.anonymous().bearer(EmbeddedServer.METRICS_TOKEN);
    // The import's changes reach the index in the background: the lag figures say when.
    waitUntil(
        "the index and the webhook dispatcher at the head",
        Duration.ofSeconds(60),
        () -> {
          Map<String, Double> now = prometheus(metricsReader.get("metrics").body());
          return now.get("storybank_search_changes_behind") == 0
              && now.get("storybank_webhook_changes_behind") == 0;
        });
    Api.Reply metrics = metricsReader.get("metrics");
    assertEquals(200, metrics.status(), metrics.toString());
    Map<String, Double> figures = prometheus(metrics.body());
    assertTrue(figures.get("storybank_delivery_cache_hits_total") >= 1, metrics.body());
    assertTrue(figures.get("storybank_delivery_cache_misses_total") >= 1, metrics.body());
    assertTrue(figures.get("storybank_admin_list_cache_hits_total") >= 1, metrics.body());
    assertTrue(figures.get("storybank_admin_list_cache_misses_total") >= 1, metrics.body());
    assertTrue(figures.get("storybank_rendition_store_hits_total") >= 1, metrics.body());
    assertTrue(figures.get("storybank_rendition_made_total") >= 1, metrics.body());
    assertEquals(0, figures.get("storybank_search_changes_behind"), metrics.body());
    assertTrue(figures.get("storybank_search_documents") > 0, metrics.body());
    assertTrue(figures.containsKey("storybank_search_lag_seconds"), metrics.body());
    assertEquals(
        importedBefore + lines, figures.get("storybank_import_lines_total"), metrics.body());
    assertEquals(0, figures.get("storybank_imports_running"), metrics.body());
    assertEquals(0, figures.get("storybank_webhook_pending"), metrics.body());
    assertEquals(0, figures.get("storybank_webhook_dead"), metrics.body());
    assertEquals(0, figures.get("storybank_webhook_changes_behind"), metrics.body());
    assertEquals(0, figures.get("storybank_webhook_failed_attempts_total"), metrics.body());
    // Request rate and latency per endpoint, by path template: the story read above (twice).
    assertTrue(
        metrics
            .body()
            .lines()
            .anyMatch(
                line ->
                    line.startsWith("storybank_http_requests_seconds_count{")
                        && line.contains("method=\"GET\"")
                        && line.contains("path=\"/api/v1/{t}/stories/{ref}\"")
                        && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= 2),
        metrics.body());
    assertTrue(
        metrics.body().lines().noneMatch(line -> line.contains("path=\"/api/v1/lao-cai")),
        "templates, not raw paths");
  }

  /**
   * The Prometheus text format as Prometheus reads it: {@code # HELP} and {@code # TYPE} lines,
   * then {@code name{labels} value}; the first sample of each name, by name without labels.
   */
  private static Map<String, Double> prometheus(String text) {
    Map<String, Double> samples = new java.util.HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      java.util.regex.Matcher sample =
          java.util.regex.Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*\\})? (\\S+)( \\S+)?")
              .matcher(line);
      assertTrue(sample.matches(), "not a Prometheus sample: " + line);
      samples.putIfAbsent(
          sample.group(1), Double.valueOf(sample.group(3).replace("Inf", "Infinity")));
    }
    return samples;
  }

  @Test
  void everyAnswerCarriesARequestIdAWellFormedIncomingOneIsKept() {
    Api.Reply plain = admin.get("api/admin/v1/lao-cai/stories");
    assertEquals(200, plain.status(), plain.toString());
    assertTrue(plain.header(RequestIds.HEADER).matches(UUID_FORM), plain.header("X-Request-Id"));
    Api.Reply again = admin.get("api/admin/v1/lao-cai/stories");
    assertNotEquals(plain.header(RequestIds.HEADER), again.header(RequestIds.HEADER));

    // A load balancer's id (nginx's $request_id is 32 hex digits) follows the request.
    String balancer = "7f3a9c0e5b1d4e2f8a6c0b9d1e3f5a7c";
    assertEquals(
        balancer,
        admin
            .withHeader("X-Request-Id", balancer)
            .get("api/v1/lao-cai/stories")
            .header("X-Request-Id"));
    // Anything else is not written into the log: replaced.
    String hostile = "x\" level=SEVERE <script>";
    String replaced =
        admin.withHeader("X-Request-Id", hostile).get("health").header(RequestIds.HEADER);
    assertTrue(replaced.matches(UUID_FORM), replaced);

    // Answers made outside JAX-RS too: a problem from a servlet filter, health, the app.
    for (Api.Reply reply :
        new Api.Reply[] {
          admin.anonymous().get("metrics"),
          admin.anonymous().get("health/live"),
          admin.anonymous().get("app/"),
          admin.get("api/admin/v1/lao-cai/stories/no-such-story")
        }) {
      assertNotNull(reply.header(RequestIds.HEADER), reply.toString());
    }
  }

  /** Last by name order is not guaranteed: this test restores the media folder itself. */
  @Test
  void readinessGoesDownWhenTheMediaStoreCannotTakeFilesAndTheLogNamesTheRequest()
      throws Exception {
    Api.Reply ready = admin.anonymous().get("health/ready");
    assertEquals(200, ready.status(), ready.toString());
    assertEquals("UP", check(ready.json(), "media-store").path("status").asText(), ready.body());

    // The volume under the blob folder is gone, and something else took its place.
    Path blobs = server.dataDir().resolve("blobs");
    Path aside = server.dataDir().resolve("blobs-aside");
    Files.move(blobs, aside);
    Files.writeString(blobs, "not a folder");
    try {
      String id = "probe-" + UUID.randomUUID();
      Api.Reply down = admin.anonymous().withHeader("X-Request-Id", id).get("health/ready");
      assertEquals(503, down.status(), down.toString());
      assertEquals(id, down.header(RequestIds.HEADER));
      JsonNode media = check(down.json(), "media-store");
      assertEquals("DOWN", media.path("status").asText(), down.body());
      // Where the store is stays in the log, out of an answer anyone may read.
      assertTrue(!down.body().contains(server.dataDir().toString()), down.body());
      assertTrue(server.awaitLogLine(id, Duration.ofSeconds(30)).contains("blobs"));

      // An upload fails as a problem the client may retry; the log line carries its request id.
      String upload = "upload-" + UUID.randomUUID();
      HttpResponse<String> failed =
          HttpClient.newHttpClient()
              .send(
                  Multipart.upload(
                          server.base().resolve("api/admin/v1/lao-cai/media"),
                          TestMedia.jpeg(320, 240),
                          "image/jpeg",
                          "photo.jpg",
                          null)
                      .header("Authorization", Api.basic("admin", PayaraServer.ADMIN_PASSWORD))
                      .header("X-Request-Id", upload)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(503, failed.statusCode(), failed.body());
      assertEquals(upload, failed.headers().firstValue(RequestIds.HEADER).orElse(null));
      // The JSON log: one object a line, the request id a field of its own.
      JsonNode line =
          vn.storybank.core.json.Json.mapper()
              .readTree(server.awaitLogLine(upload, Duration.ofSeconds(30)));
      assertEquals(upload, line.path(RequestLog.FIELD).asText(), line.toString());
      assertEquals("WARNING", line.path("Level").asText(), line.toString());
      assertTrue(line.path("LogMessage").asText().contains("media"), line.toString());
      assertTrue(line.has("Timestamp") && line.has("LoggerName") && line.has("ThreadName"));
    } finally {
      Files.delete(blobs);
      Files.move(aside, blobs);
    }
    Api.Reply back = admin.anonymous().get("health/ready");
    assertEquals(200, back.status(), back.toString());
  }

  private static JsonNode check(JsonNode health, String name) {
    for (JsonNode check : health.path("checks")) {
      if (name.equals(check.path("name").asText())) {
        return check;
      }
    }
    throw new AssertionError("No check " + name + " in " + health);
  }
}
