package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestDatabases;

/**
 * One sensitive story through review over HTTP against the deployed WAR (on PostgreSQL, so that the
 * test can read the same database through the core's snapshot, as search and delivery do).
 */
class WorkflowApiIT {
  static final String STORIES = "api/admin/v1/lao-cai/stories";
  static final String PASSWORD = "workflow-Pa55";
  static DatabaseSettings db;
  static PayaraServer server;
  static Api admin;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabases.postgres();
    Path data = Files.createTempDirectory(Path.of("target"), "data-wf-").toAbsolutePath();
    server =
        PayaraServer.start(
            "workflow",
            data,
            Map.of(
                "CMS_DB_URL", db.url(),
                "CMS_DB_USER", db.user(),
                "CMS_DB_PASSWORD", db.password(),
                "CMS_SCHEDULER_INTERVAL_SECONDS", "1"));
    admin = Api.admin(server);
    for (String user : List.of("author", "reviewer1", "reviewer2")) {
      Api.Reply created =
          admin.post(
              "api/admin/v1/users",
              "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
      if (created.status() != 201) {
        throw new IllegalStateException(created.toString());
      }
      // All three may review: the workflow's own rules (not the author, two different approvers)
      // are what this test meets; which roles may do what is RoleMatrixIT's subject.
      String roles = "[\"approver\",\"editor\"]";
      Api.Reply member =
          admin.put("api/admin/v1/lao-cai/members/" + user, "{\"roles\":" + roles + "}");
      if (member.status() >= 300) {
        throw new IllegalStateException(member.toString());
      }
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Api as(String user) {
    return admin.as(user, PASSWORD);
  }

  @Test
  void aSensitiveStoryNeedsTwoApprovalsAndAnEditAfterPublishingChangesNothingLive() {
    Api.Reply created =
        as("author")
            .post(
                STORIES,
                "{\"kind\":\"cultural-heritage\",\"topics\":[\"religion\"],\"translations\":{\"vi\":"
                    + "{\"title\":\"Đền Bảo Hà\",\"body\":\"<p>Bản đầu</p>\"}}}");
    assertEquals(201, created.status(), created.toString());
    String id = created.json().get("id").asText();
    String vi = STORIES + "/" + id + "/translations/vi/";

    assertProblem(as("author").post(vi + "publish", null), 409, "sensitive");
    assertProblem(as("reviewer1").post(vi + "approve", null), 409, "is draft");
    assertEquals("in_review", status(as("author").post(vi + "submit", null)));
    JsonNode tasks = as("reviewer1").get("api/admin/v1/lao-cai/tasks").json();
    assertTrue(tasks.get("toReview").toString().contains(id), tasks.toString());

    assertProblem(as("author").post(vi + "approve", null), 409, "other people");
    assertEquals("in_review", status(as("reviewer1").post(vi + "approve", null)));
    assertProblem(as("reviewer1").post(vi + "approve", null), 409, "already");
    assertProblem(as("reviewer1").post(vi + "publish", null), 409, "needs two approvals");
    assertEquals("approved", status(as("reviewer2").post(vi + "approve", null)));
    Api.Reply published = as("reviewer2").post(vi + "publish", null);
    assertEquals("published", status(published));
    assertEquals(1, published.json().at("/translations/vi/liveRevision").asLong());

    Api.Reply edited =
        as("author").put(vi.substring(0, vi.length() - 1), "{\"title\":\"Đền Bảo Hà (bản sửa)\"}");
    assertEquals(200, edited.status(), edited.toString());
    assertEquals("draft", edited.json().at("/translations/vi/status").asText());
    assertEquals(1, edited.json().at("/translations/vi/liveRevision").asLong());

    JsonNode live = admin.get(STORIES + "/" + id + "/live").json();
    assertEquals("Đền Bảo Hà", live.at("/vi/live/title").asText(), live.toString());
    assertEquals(1, live.at("/vi/live/revision").asLong(), "the live text is still revision 1");
    assertTrue(live.at("/vi/servesLocales").toString().contains("\"vi\""), live.toString());
    assertEquals(
        "Đền Bảo Hà (bản sửa)",
        admin.get(STORIES + "/" + id).json().at("/translations/vi/title").asText(),
        "editors see the working text");

    JsonNode changes = admin.get("api/admin/v1/lao-cai/changes?limit=1000").json().get("items");
    long publishes = 0;
    for (JsonNode c : changes) {
      if (c.get("entityId").asText().equals(id) && c.get("operation").asText().equals("PUBLISH")) {
        publishes++;
        assertEquals("vi", c.get("locale").asText());
      }
    }
    assertEquals(1, publishes, changes.toString());

    JsonNode revisions = admin.get(STORIES + "/" + id + "/revisions?locale=vi").json();
    assertEquals(2, revisions.get("items").size(), revisions.toString());
    JsonNode diff = admin.get(STORIES + "/" + id + "/revisions/2/diff?against=1&locale=vi").json();
    assertEquals("title", diff.at("/changes/0/field").asText(), diff.toString());

    assertEquals("in_review", status(as("author").post(vi + "submit", null)));
    assertProblem(as("reviewer1").post(vi + "reject", "{}"), 400, "comment");
    assertEquals(
        "draft", status(as("reviewer1").post(vi + "reject", "{\"comment\":\"Thiếu nguồn\"}")));
    JsonNode thread = admin.get(STORIES + "/" + id + "/comments").json().get("items");
    assertEquals("Thiếu nguồn", thread.get(0).get("body").asText());
    JsonNode returned = as("author").get("api/admin/v1/lao-cai/tasks").json().get("returned");
    assertTrue(returned.toString().contains(id), returned.toString());

    JsonNode dashboard = admin.get("api/admin/v1/lao-cai/translations/dashboard?locale=en").json();
    assertTrue(dashboard.get("missingCount").asInt() >= 1, dashboard.toString());
    assertProblem(admin.get("api/admin/v1/lao-cai/translations/dashboard"), 400, "locale");
  }

  @Test
  void theSchedulerOfTheRunningAppPublishesWhenDue() throws Exception {
    Api.Reply created =
        as("author")
            .post(
                STORIES,
                "{\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\"Hẹn giờ"
                    + " đăng\"}}}");
    String id = created.json().get("id").asText();
    String vi = STORIES + "/" + id + "/translations/vi";
    as("author").post(vi + "/submit", null);
    as("reviewer1").post(vi + "/approve", null);
    Instant at = Instant.now().plusSeconds(2);
    Api.Reply scheduled = as("reviewer1").put(vi + "/schedule", "{\"publishAt\":\"" + at + "\"}");
    assertEquals(200, scheduled.status(), scheduled.toString());
    assertEquals("approved", scheduled.json().at("/translations/vi/status").asText());
    waitUntil(
        "the scheduler published the translation",
        java.time.Duration.ofSeconds(30),
        () ->
            admin
                .get(STORIES + "/" + id)
                .json()
                .at("/translations/vi/status")
                .asText()
                .equals("published"));
    JsonNode translation = admin.get(STORIES + "/" + id).json().at("/translations/vi");
    assertEquals("published", translation.get("status").asText(), translation.toString());
    assertEquals(1, translation.get("liveRevision").asLong());
    assertTrue(
        translation.path("publishAt").isMissingNode() || translation.get("publishAt").isNull());
  }

  private static String status(Api.Reply reply) {
    assertEquals(200, reply.status(), String.valueOf(reply));
    return reply.json().at("/translations/vi/status").asText();
  }

  private static void assertProblem(Api.Reply reply, int status, String detailPart) {
    assertEquals(status, reply.status(), reply.toString());
    assertEquals("application/problem+json", reply.header("Content-Type"), reply.toString());
    assertTrue(reply.json().get("detail").asText().contains(detailPart), reply.toString());
  }
}
