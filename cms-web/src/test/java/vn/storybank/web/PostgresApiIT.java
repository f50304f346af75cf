package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestDatabases;

/** The same WAR on Payara Micro, configured for a real PostgreSQL through CMS_DB_URL. */
class PostgresApiIT {
  static PayaraServer server;
  static Api api;

  @BeforeAll
  static void start() throws Exception {
    DatabaseSettings db = TestDatabases.postgres();
    Path data = Files.createTempDirectory(Path.of("target"), "data-pg-").toAbsolutePath();
    server =
        PayaraServer.start(
            "postgres",
            data,
            Map.of(
                "CMS_DB_URL", db.url(),
                "CMS_DB_USER", db.user(),
                "CMS_DB_PASSWORD", db.password()));
    api = Api.admin(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void runsOnPostgresWithDemoContentAndNoH2File() {
    assertEquals(200, api.anonymous().get("health").status());
    // No CMS_METRICS_TOKEN here: metrics are off for everyone, the administrator included.
    Api.Reply metrics = api.get("metrics");
    assertEquals(404, metrics.status(), metrics.toString());
    assertTrue(metrics.header("Content-Type").startsWith("application/problem+json"));
    assertTrue(metrics.body().contains("cms.metrics.token"), metrics.body());
    assertEquals(404, api.anonymous().get("metrics/base").status());
    assertTrue(api.get("api/admin/v1/lao-cai/stories?limit=200").json().get("items").size() >= 25);
    Api.Reply created =
        api.post(
            "api/admin/v1/lao-cai/stories",
            "{\"kind\":\"festival-event\",\"eventDate\":\"2026-02-20\",\"translations\":{\"vi\":{\"title\":\"Lễ hội Gầu Tào\"},\"hnj\":{\"title\":\"Noj Peb Caug\"}}}");
    assertEquals(201, created.status(), created.toString());
    assertEquals("noj-peb-caug", created.json().at("/translations/hnj/slug").asText());
    assertEquals("2026-02-20", created.json().get("eventDate").asText());
    String id = created.json().get("id").asText();
    AdminApiIT.assertProblem(
        api.patch("api/admin/v1/lao-cai/stories/" + id, "{\"kind\":\"destination\"}", "\"7\""),
        412,
        "stale-version");
    assertTrue(
        Files.notExists(server.dataDir().resolve("db")),
        "PostgreSQL mode must not create an H2 file");
  }
}
