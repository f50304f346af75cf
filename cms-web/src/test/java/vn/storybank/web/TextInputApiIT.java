package vn.storybank.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Text from outside holds only what XML 1.0 allows, and every length fits its column: each refusal
 * is a 400 naming the field, never a database error. {@link PostgresApiIT} runs the same checks on
 * PostgreSQL, which refuses U+0000 itself.
 */
@ExtendWith(EmbeddedServer.class)
class TextInputApiIT {
  static final String T = "api/admin/v1/lao-cai/";
  static Api api;

  @BeforeAll
  static void connect(PayaraServer server) {
    api = Api.admin(server);
  }

  @Test
  void controlCharactersAndOverlongTextAreRefusedNamingTheField() {
    refusesBadTextEverywhere(api);
  }

  static void refusesBadTextEverywhere(Api api) {
    Api anonymous = api.anonymous();
    assertField(anonymous.as("ad\u0000min", "x").get(T + "stories"), "username");
    assertField(anonymous.as("a".repeat(101), "x").get(T + "stories"), "username");
    assertField(
        anonymous.post("api/admin/v1/session", "{\"username\":\"a\\u0000\",\"password\":\"x\"}"),
        "username");
    assertField(anonymous.get("api/v1/lao-cai/stories?channel=a%00b"), "channel");
    assertField(anonymous.get("api/v1/lao-cai/search?q=a%00b"), "q");
    assertField(api.get(T + "stories?q=%00"), "q");
    assertField(anonymous.get("api/v1/lao-cai/stories/a%07b"), "path");

    for (String bad : new String[] {"\\u0000", "\\u0007", "\\u001b[31m", "\\uffff", "\\ud800"}) {
      assertField(
          api.post(
              T + "stories",
              "{\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\"a" + bad + "\"}}}"),
          "translations.vi.title");
    }
    assertField(
        api.post(
            T + "stories",
            "{\"kind\":\"destination\",\"credit\":\"\\u0000\",\"translations\":{\"vi\":{\"title\":\"a\"}}}"),
        "credit");
    assertField(
        api.post(
            T + "taxonomies/topics/terms",
            "{\"code\":\"nul-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"labels\":{\"vi\":\"a\\u0000\"}}"),
        "labels.vi");
    assertField(
        api.post(
            T + "stories",
            "{\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\"k\",\"keywords\":[\""
                + "k".repeat(1500)
                + "\",\""
                + "k".repeat(600)
                + "\"]}}}"),
        "translations.vi.keywords");
    StringBuilder topics = new StringBuilder("{\"directPublish\":true,\"sensitiveTopics\":[");
    for (int i = 0; i < 5000; i++) {
      topics.append(i == 0 ? "" : ",").append("\"topic-").append(i).append('"');
    }
    assertField(api.put(T + "workflow-settings", topics + "]}"), "sensitiveTopics[0]");

    Api.Reply duplicate =
        api.post(
            T + "stories",
            "{\"kind\":\"destination\",\"kind\":\"festival-event\",\"translations\":{\"vi\":{\"title\":\"d\"}}}");
    AdminApiIT.assertProblem(duplicate, 400, "malformed-json");
    assertTrue(duplicate.json().get("detail").asText().contains("kind"), duplicate.toString());
    AdminApiIT.assertProblem(
        api.post(T + "stories", "[".repeat(1001) + "]".repeat(1001)), 400, "malformed-json");
  }

  @Test
  void aNonAtomicImportKeepsTheGoodLinesAroundABadOne() {
    importKeepsGoodLines(api);
  }

  static void importKeepsGoodLines(Api api) {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(story("Một").getBytes(UTF_8));
    file.writeBytes(story("a\\u0000b").getBytes(UTF_8));
    file.writeBytes(story("x").replace("\"x\"", "\"\u0001\"").getBytes(UTF_8));
    byte[] invalid = story("x").getBytes(UTF_8);
    invalid[invalid.length - 6] =
        (byte) 0xC3; // the title "x" becomes a truncated two-byte sequence
    file.writeBytes(invalid);
    file.writeBytes(story("Hai").getBytes(UTF_8));
    Api.Reply reply =
        api.sendBytes("POST", T + "import", "application/x-ndjson", file.toByteArray());
    assertEquals(200, reply.status(), reply.toString());
    JsonNode report = reply.json();
    assertEquals(2, report.get("created").asInt(), reply.toString());
    assertEquals(3, report.get("failed").asInt(), reply.toString());
    assertEquals(2, report.at("/errors/0/line").asInt(), reply.toString());
    assertEquals("translations.vi.title", report.at("/errors/0/errors/0/field").asText());
    assertTrue(report.at("/errors/2/message").asText().contains("UTF-8"), reply.toString());
  }

  private static String story(String titleJson) {
    return "{\"type\":\"story\",\"id\":\""
        + UUID.randomUUID()
        + "\",\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\""
        + titleJson
        + "\"}}}\n";
  }

  static void assertField(Api.Reply reply, String field) {
    AdminApiIT.assertProblem(reply, 400, "invalid");
    assertEquals(field, reply.json().at("/errors/0/field").asText(), reply.toString());
  }
}
