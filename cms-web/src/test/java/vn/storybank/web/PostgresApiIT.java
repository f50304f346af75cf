package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestDatabases;

/**
 * The same WAR on Payara Micro, configured for a real PostgreSQL through CMS_DB_URL, and with a
 * public URL as behind a proxy (CMS_PUBLIC_URL).
 */
class PostgresApiIT {
  static final String PUBLIC_URL = "https://storybank.laocai.gov.vn/cms/";

  static PayaraServer server;
  static Api api;
  static DatabaseSettings db;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabases.postgres();
    Path data = Files.createTempDirectory(Path.of("target"), "data-pg-").toAbsolutePath();
    server =
        PayaraServer.start(
            "postgres",
            data,
            Map.of(
                "CMS_DB_URL", db.url(),
                "CMS_DB_USER", db.user(),
                "CMS_DB_PASSWORD", db.password(),
                "CMS_PUBLIC_URL", PUBLIC_URL));
    api = Api.admin(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theOpenApiServerIsThePublicUrlWhateverHostWasAsked() {
    Api.Reply served = api.anonymous().get("openapi?format=json");
    assertEquals(200, served.status(), served.toString());
    OpenApiDocumentIT.parsed(served.body());
    assertEquals(
        "https://storybank.laocai.gov.vn/cms", served.json().at("/servers/0/url").asText());
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

  @Test
  void controlCharactersAndOverlongTextAreRefusedNamingTheField() {
    TextInputApiIT.refusesBadTextEverywhere(api);
  }

  @Test
  void aNonAtomicImportKeepsTheGoodLinesAroundABadOne() {
    TextInputApiIT.importKeepsGoodLines(api);
  }

  /**
   * A row stored before input was checked (written here straight into the database) still gives a
   * well-formed, valid Atom feed: what XML 1.0 forbids is left out.
   */
  @Test
  void atomFeedStaysWellFormedWithControlCharactersAlreadyStored() throws Exception {
    Api.Reply created =
        api.post(
            "api/admin/v1/lao-cai/stories",
            "{\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\"Chuông\","
                + "\"summary\":\"Tóm tắt\",\"status\":\"published\"}}}");
    assertEquals(201, created.status(), created.toString());
    String id = created.json().get("id").asText();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        PreparedStatement revisions =
            c.prepareStatement(
                "update translation_revision set title = 'Chu' || chr(7) || 'ông' || chr(27),"
                    + " summary = 'Tóm' || chr(1) || ' tắt' where entry_id = ?");
        PreparedStatement working =
            c.prepareStatement(
                "update translation set title = 'Chu' || chr(7) || 'ông' || chr(27) where"
                    + " entry_id = ?")) {
      revisions.setObject(1, java.util.UUID.fromString(id));
      assertEquals(1, revisions.executeUpdate());
      working.setObject(1, java.util.UUID.fromString(id));
      working.executeUpdate();
    }
    Api.Reply feed = api.anonymous().get("api/v1/lao-cai/channels/vi-portal/feed.atom");
    assertEquals(200, feed.status(), feed.toString());
    byte[] xml = feed.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    assertEquals(List.of(), FeedSchemas.atom(xml), feed.body());
    NodeList titles = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title");
    boolean found = false;
    for (int i = 0; i < titles.getLength(); i++) {
      found |= titles.item(i).getTextContent().equals("Chuông");
    }
    assertTrue(found, feed.body());
  }
}
