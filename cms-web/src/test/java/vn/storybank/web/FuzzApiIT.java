package vn.storybank.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.storybank.core.json.Json;

/**
 * A seeded fuzz of the real WAR over HTTP: mutated JSON bodies (deep nesting, control characters,
 * huge strings, wrong types, duplicate keys, invalid UTF-8) against the admin write endpoints and
 * mutated query strings against the public and admin read endpoints. Whatever the input, the answer
 * is never a 5xx, and every error is problem+json. A plain seeded {@link Random} rather than a
 * property-testing library: the run is bounded, repeatable from its seed ({@code -Dfuzz.seed=}),
 * and shrinking matters less than seeing the failing request, which the report prints.
 *
 * <p>Writes go to a tenant of the fuzz's own, so that the other API tests sharing the server see
 * none of its data.
 */
@ExtendWith(EmbeddedServer.class)
class FuzzApiIT {
  private static final long SEED = Long.getLong("fuzz.seed", 20261207L);
  private static final int BODIES = 2600;
  private static final int QUERIES = 1400;

  /** A bound on the wall time, so that a slow machine shortens the run rather than the suite. */
  private static final long MAX_NANOS = 55_000_000_000L;

  private static final String[] CONTROLS = {
    "\u0000",
    "\u0001",
    "\u0007",
    "\u0008",
    "\u000b",
    "\u000c",
    "\u001b[31m",
    "\u001f",
    "\uffff",
    "\ufffe",
    "\ud800",
    "\udfff",
    "\u0085",
    "\u202e",
    "\ud83c\udf3e"
  };
  private static final String[] PARAMS = {
    "limit",
    "cursor",
    "locale",
    "channel",
    "q",
    "kind",
    "pillar",
    "topic",
    "place",
    "ethnicGroup",
    "market",
    "format",
    "fallback",
    "since",
    "token",
    "updatedSince",
    "sort",
    "status",
    "missing",
    "stars",
    "after",
    "days",
    "type",
    "facets",
    "page",
    "zz"
  };

  static Api api;
  static String tenant;
  static String story;
  static String user;

  private final Random random = new Random(SEED);
  private final List<String> failures = new ArrayList<>();

  @BeforeAll
  static void setUp(PayaraServer server) {
    api = Api.admin(server);
    tenant = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply created =
        api.put(
            "api/admin/v1/" + tenant,
            "{\"names\":{\"vi\":\"Fuzz\"},\"sourceLocale\":\"vi\",\"locales\":[{\"tag\":\"vi\"},"
                + "{\"tag\":\"en\",\"fallbacks\":[\"vi\"]}],\"timeZone\":\"Asia/Ho_Chi_Minh\"}");
    assertEquals(201, created.status(), created.toString());
    Api.Reply s = api.post(admin("stories"), STORY);
    assertEquals(201, s.status(), s.toString());
    story = s.json().get("id").asText();
    user = tenant + "-user";
    Api.Reply u =
        api.post(
            "api/admin/v1/users",
            "{\"username\":\"" + user + "\",\"password\":\"Fuzz-pass-2026!x\"}");
    assertEquals(201, u.status(), u.toString());
  }

  private static String admin(String path) {
    return "api/admin/v1/" + tenant + "/" + path;
  }

  private static final String STORY =
      "{\"kind\":\"destination\",\"topics\":[],\"credit\":\"Ảnh: Lê Minh\",\"source\":\"s\","
          + "\"eventDate\":\"2026-02-20\",\"geo\":{\"lat\":22.33,\"lon\":103.84},"
          + "\"translations\":{\"vi\":{\"title\":\"Ruộng bậc thang\",\"subtitle\":\"s\","
          + "\"summary\":\"Tóm tắt\",\"body\":\"<p>Thân <b>bài</b></p>\","
          + "\"keywords\":[\"lúa\",\"mùa vàng\"],\"seoTitle\":\"t\",\"seoDescription\":\"d\"},"
          + "\"en\":{\"title\":\"Rice terraces\"}}}";

  /** Endpoint, method, content type and a valid body to mutate. */
  private record Target(String method, String path, String contentType, String body) {}

  private static List<Target> targets() {
    String json = "application/json";
    String code = "c" + Integer.toHexString(new Random().nextInt());
    return List.of(
        new Target("POST", admin("stories"), json, STORY),
        new Target(
            "POST",
            admin("products"),
            json,
            "{\"productGroup\":\"food\",\"producer\":{\"name\":\"HTX\",\"kind\":\"cooperative\","
                + "\"contact\":\"0912\"},\"ocop\":{\"stars\":4,\"year\":2024,\"certificate\":\"C\"},"
                + "\"price\":{\"min\":1000,\"max\":2000,\"currency\":\"VND\"},\"whereToBuy\":"
                + "[{\"label\":\"Chợ\",\"url\":\"https://example.com/a\",\"platform\":\"web\"}],"
                + "\"translations\":{\"vi\":{\"title\":\"Mật ong\"}}}"),
        new Target(
            "POST",
            admin("media"),
            json,
            "{\"mediaType\":\"photo\",\"credit\":\"c\",\"copyrightHolder\":\"h\",\"licence\":"
                + "\"CC-BY-4.0\",\"licenceUrl\":\"https://example.com/l\",\"peopleIdentifiable\":"
                + "false,\"focalPoint\":{\"x\":0.5,\"y\":0.5},\"channelsAllowed\":[],"
                + "\"translations\":{\"vi\":{\"title\":\"Ảnh\",\"caption\":\"c\",\"altText\":\"a\"}}}"),
        new Target(
            "POST",
            admin("collections"),
            json,
            "{\"purpose\":\"campaign\",\"items\":[],\"translations\":{\"vi\":{\"title\":\"Bộ\"}}}"),
        new Target(
            "PATCH",
            admin("stories/" + story),
            "application/merge-patch+json",
            "{\"credit\":\"x\",\"translations\":{\"vi\":{\"summary\":\"y\"}}}"),
        new Target(
            "PUT",
            admin("stories/" + story + "/translations/en"),
            json,
            "{\"title\":\"Terraces\",\"summary\":\"s\",\"keywords\":[\"rice\"]}"),
        new Target(
            "POST",
            admin("stories/" + story + "/comments"),
            json,
            "{\"body\":\"ok\",\"locale\":\"vi\"}"),
        new Target(
            "POST",
            admin("stories/" + story + "/translations/en/reject"),
            json,
            "{\"comment\":\"Sửa lại\"}"),
        new Target(
            "PUT",
            admin("stories/" + story + "/translations/en/schedule"),
            json,
            "{\"publishAt\":\"2030-01-01T00:00:00Z\",\"unpublishAt\":null,\"embargoUntil\":null}"),
        new Target(
            "POST",
            admin("taxonomies/topics/terms"),
            json,
            "{\"code\":\""
                + code
                + "\",\"labels\":{\"vi\":\"Nhãn\",\"en\":\"Label\"},"
                + "\"adminCode\":\"01\",\"validFrom\":\"2025-07-01\"}"),
        new Target(
            "PUT",
            admin("workflow-settings"),
            json,
            "{\"sensitiveTopics\":[],\"directPublish\":true}"),
        new Target(
            "POST",
            admin("channels"),
            json,
            "{\"code\":\""
                + code
                + "\",\"name\":\"Kênh\",\"access\":\"public\",\"locales\":"
                + "[{\"tag\":\"vi\"}],\"formats\":[\"json\",\"atom\"],\"presets\":{\"hero\":\"hero\"}}"),
        new Target(
            "POST",
            admin("partners"),
            json,
            "{\"name\":\"Đối tác\",\"channels\":[],\"ratePerMinute\":60}"),
        new Target(
            "PUT",
            "api/admin/v1/" + tenant,
            json,
            "{\"names\":{\"vi\":\"Fuzz\"},\"sourceLocale\":\"vi\",\"locales\":[{\"tag\":\"vi\"},"
                + "{\"tag\":\"en\",\"fallbacks\":[\"vi\"]}],\"timeZone\":\"Asia/Ho_Chi_Minh\"}"),
        new Target(
            "POST",
            "api/admin/v1/users",
            json,
            "{\"username\":\""
                + user
                + "-"
                + code
                + "\",\"password\":\"Fuzz-pass-2026!x\","
                + "\"displayName\":\"Người thử\"}"),
        new Target(
            "PUT",
            admin("members/" + user),
            json,
            "{\"roles\":[\"translator\"],\"locales\":[\"en\"]}"),
        new Target(
            "POST",
            "api/admin/v1/me/tokens",
            json,
            "{\"name\":\"Thẻ\",\"expiresAt\":\"2030-01-01T00:00:00Z\"}"),
        new Target(
            "PUT",
            admin("brand-kit"),
            json,
            "{\"watermark\":{\"position\":\"bottom-right\",\"opacity\":0.5,\"scale\":0.2,"
                + "\"presets\":[\"hero\"]}}"),
        new Target(
            "POST",
            admin("import"),
            "application/x-ndjson",
            "{\"type\":\"story\",\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\"N\"}}}"));
  }

  private static final List<String> READS =
      List.of(
          "api/v1/lao-cai/stories",
          "api/v1/lao-cai/products",
          "api/v1/lao-cai/media",
          "api/v1/lao-cai/collections",
          "api/v1/lao-cai/search",
          "api/v1/lao-cai/sitemap.xml",
          "api/v1/lao-cai/channels/vi-portal/feed.json",
          "api/v1/lao-cai/channels/vi-portal/feed.atom",
          "api/v1/lao-cai/channels/en-portal/feed.ninjs",
          "api/v1/lao-cai/channels/vi-portal/sync",
          "api/admin/v1/lao-cai/stories",
          "api/admin/v1/lao-cai/products",
          "api/admin/v1/lao-cai/media",
          "api/admin/v1/lao-cai/changes",
          "api/admin/v1/lao-cai/search",
          "api/admin/v1/lao-cai/tasks",
          "api/admin/v1/lao-cai/translations/dashboard",
          "api/admin/v1/lao-cai/media/rights-expiring");

  @Test
  void noInputGivesA5xxAndEveryErrorIsProblemJson() throws Exception {
    List<Target> targets = targets();
    long start = System.nanoTime();
    int sent = 0;
    for (int i = 0; i < BODIES && System.nanoTime() - start < MAX_NANOS; i++) {
      Target target = targets.get(random.nextInt(targets.size()));
      byte[] body = mutate(target);
      Api.Reply reply = api.sendBytes(target.method(), target.path(), target.contentType(), body);
      check(reply, target.method() + " " + target.path(), body);
      sent++;
    }
    for (int i = 0; i < QUERIES && System.nanoTime() - start < MAX_NANOS; i++) {
      String path = READS.get(random.nextInt(READS.size())) + "?" + query();
      Api client = path.startsWith("api/admin") || random.nextInt(4) > 0 ? api : api.anonymous();
      Api.Reply reply = client.get(path);
      check(reply, "GET " + path, new byte[0]);
      sent++;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("Fuzz: %d requests in %d ms (seed %d)%n", sent, millis, SEED);
    assertTrue(
        failures.isEmpty(),
        failures.size()
            + " bad answers of "
            + sent
            + " (seed "
            + SEED
            + "):\n"
            + String.join("\n", failures.subList(0, Math.min(15, failures.size()))));
    assertTrue(sent >= 1000, "only " + sent + " requests in the time bound");
  }

  private void check(Api.Reply reply, String request, byte[] body) {
    String problem = null;
    if (reply.status() >= 500) {
      problem = "status " + reply.status();
    } else if (reply.status() >= 400) {
      String type = reply.header("Content-Type");
      if (type == null || !type.startsWith("application/problem+json")) {
        problem = "error answered as " + type;
      } else {
        try {
          JsonNode json = Json.mapper().readTree(reply.body());
          if (json.path("status").asInt() != reply.status()) {
            problem = "problem status " + json.path("status") + " is not " + reply.status();
          }
        } catch (Exception e) {
          problem = "problem+json that is not JSON";
        }
      }
    }
    if (problem != null) {
      failures.add(
          problem
              + ": "
              + request
              + " "
              + excerpt(new String(body, UTF_8))
              + " -> "
              + excerpt(reply.body()));
    }
  }

  private static String excerpt(String text) {
    String flat = text.replaceAll("\\p{Cntrl}", "?");
    return flat.length() > 300 ? flat.substring(0, 300) + "…(" + flat.length() + ")" : flat;
  }

  // ------------------------------------------------------------------ bodies

  private byte[] mutate(Target target) throws Exception {
    String body = target.body();
    switch (random.nextInt(10)) {
      case 0 -> {
        return deep().getBytes(UTF_8);
      }
      case 1 -> {
        return duplicateKey(body).getBytes(UTF_8);
      }
      case 2 -> {
        return invalidUtf8(body.getBytes(UTF_8));
      }
      case 3 -> {
        byte[] bytes = body.getBytes(UTF_8);
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      }
      case 4 -> {
        JsonNode tree = Json.mapper().readTree(body);
        replaceSomewhere(tree, deepValue());
        return tree.toString().replace("\"__deep__\"", deepText()).getBytes(UTF_8);
      }
      default -> {
        JsonNode tree = Json.mapper().readTree(body);
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
          replaceSomewhere(tree, value());
        }
        return tree.toString().getBytes(UTF_8);
      }
    }
  }

  /** A value for a mutated slot: bad text, huge text, wrong types, odd numbers. */
  private JsonNode value() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (random.nextInt(12)) {
      case 0, 1, 2 -> f.textNode(withControl("Lễ hội"));
      case 3 -> f.textNode("x".repeat(1 + random.nextInt(120_000)));
      case 4 -> f.textNode("Ố".repeat(100 + random.nextInt(5000)));
      case 5 -> f.numberNode(new java.math.BigDecimal("1e" + random.nextInt(400)));
      case 6 -> f.numberNode(random.nextLong());
      case 7 -> f.booleanNode(random.nextBoolean());
      case 8 -> f.nullNode();
      case 9 -> {
        ArrayNode array = f.arrayNode();
        int n = random.nextInt(3) == 0 ? 5000 : 3;
        for (int i = 0; i < n; i++) {
          array.add(random.nextBoolean() ? "topic-" + i : withControl("t"));
        }
        yield array;
      }
      case 10 -> {
        ObjectNode object = f.objectNode();
        object.put(withControl("vi"), withControl("a"));
        object.put("vi", "b");
        yield object;
      }
      default -> f.textNode("");
    };
  }

  private String withControl(String text) {
    String control = CONTROLS[random.nextInt(CONTROLS.length)];
    int at = random.nextInt(text.length() + 1);
    return text.substring(0, at) + control + text.substring(at);
  }

  private JsonNode deepValue() {
    return JsonNodeFactory.instance.textNode("__deep__");
  }

  private String deepText() {
    int depth = 900 + random.nextInt(3000);
    boolean arrays = random.nextBoolean();
    return (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
  }

  private String deep() {
    return random.nextBoolean() ? deepText() : "{\"translations\":" + deepText() + "}";
  }

  /** Replaces one value or adds one key, anywhere in the tree. */
  private void replaceSomewhere(JsonNode tree, JsonNode value) {
    List<JsonNode> containers = new ArrayList<>();
    collect(tree, containers);
    JsonNode container = containers.get(random.nextInt(containers.size()));
    if (container instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      if (names.isEmpty() || random.nextInt(6) == 0) {
        object.set(random.nextBoolean() ? "unknown" : withControl("k"), value);
      } else {
        object.set(names.get(random.nextInt(names.size())), value);
      }
    } else if (container instanceof ArrayNode array) {
      if (array.isEmpty()) {
        array.add(value);
      } else {
        array.set(random.nextInt(array.size()), value);
      }
    }
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      node.forEach(child -> collect(child, containers));
    }
  }

  private String duplicateKey(String body) throws Exception {
    JsonNode tree = Json.mapper().readTree(body);
    String name = tree.fieldNames().next();
    return "{\"" + name + "\":" + value() + "," + body.substring(1);
  }

  private byte[] invalidUtf8(byte[] body) {
    byte[][] bad = {
      {(byte) 0xC3},
      {(byte) 0xFF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xC0, (byte) 0x80},
      {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0x80},
      {0, 0, 0}
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = random.nextInt(body.length);
    out.write(body, 0, at);
    out.writeBytes(bad[random.nextInt(bad.length)]);
    out.write(body, at, body.length - at);
    return out.toByteArray();
  }

  // ------------------------------------------------------------------ query strings

  private String query() {
    StringBuilder query = new StringBuilder();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        query.append('&');
      }
      String name = PARAMS[random.nextInt(PARAMS.length)];
      query.append(random.nextInt(15) == 0 ? encode(withControl(name)) : name).append('=');
      query.append(queryValue());
    }
    return query.toString();
  }

  private String queryValue() {
    return switch (random.nextInt(12)) {
      case 0, 1, 2 -> encode(withControl("vi"));
      case 3 -> "%C3";
      case 4 -> "%FF%FE";
      case 5 -> "%ED%A0%80";
      case 6 -> encode("x".repeat(random.nextInt(2000)));
      case 7 -> String.valueOf(random.nextLong());
      case 8 -> "-" + random.nextInt(1000);
      case 9 -> "99999999999999999999999";
      case 10 ->
          encode(
              Map.of(0, "ruộng bậc thang", 1, "' OR 1=1 --", 2, "../../etc", 3, "*:*")
                  .get(random.nextInt(4)));
      default -> "";
    };
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, UTF_8);
  }
}
