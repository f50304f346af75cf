package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Language tags as a partner's validator sees them: every tag that enters (tenant and channel
 * locales, translation keys, {@code locale} parameters) is checked against the IANA Language Subtag
 * Registry, and a tag stored in another form than the one given is said in the answer.
 */
@ExtendWith(EmbeddedServer.class)
class LanguageTagsApiIT {
  private static final String TENANTS = "api/admin/v1/tenants/";
  private static Api api;

  @BeforeAll
  static void connect(PayaraServer server) {
    api = Api.admin(server);
  }

  private static String tenant(String source, String other) {
    return "{\"names\":{\""
        + source
        + "\":\"Sơn La\"},\"sourceLocale\":\""
        + source
        + "\",\"locales\":[{\"tag\":\""
        + source
        + "\"},{\"tag\":\""
        + other
        + "\",\"fallbacks\":[\""
        + source
        + "\"]}],\"timeZone\":\"Asia/Ho_Chi_Minh\"}";
  }

  @Test
  void unregisteredIllFormedAndDuplicatedTagsAreRefusedByName() {
    String[][] cases = {
      {"blu", "'blu' is not a registered language subtag"},
      {"xx", "'xx' is not a registered language subtag"},
      {"de-1996-1996", "the variant '1996' appears twice"},
      {"en-a-bbb-a-ccc", "the extension singleton 'a' appears twice"},
      {"en-1996", "the variant '1996' belongs after 'de'"},
      {"vi_VN", "separated by '-', not '_'"},
    };
    for (String[] c : cases) {
      Api.Reply refused = api.put(TENANTS + "son-la", tenant("vi", c[0]));
      assertEquals(400, refused.status(), refused.toString());
      assertEquals("application/problem+json", refused.header("Content-Type"));
      JsonNode error = refused.json().get("errors").get(0);
      assertEquals("locales[1].tag", error.get("field").asText(), refused.toString());
      assertTrue(error.get("message").asText().contains(c[1]), refused.toString());
      assertTrue(refused.json().get("detail").asText().contains(c[0]), refused.toString());
    }
    assertEquals(404, api.get(TENANTS + "son-la").status(), "nothing was stored");

    Api.Reply fallback =
        api.put(
            TENANTS + "son-la",
            "{\"names\":{\"vi\":\"Sơn La\"},\"sourceLocale\":\"vi\",\"locales\":[{\"tag\":\"vi\"},"
                + "{\"tag\":\"en\",\"fallbacks\":[\"xx\"]}]}");
    assertEquals(400, fallback.status(), fallback.toString());
    assertEquals("locales[1].fallbacks", fallback.json().at("/errors/0/field").asText());
    assertTrue(
        fallback.json().at("/errors/0/message").asText().contains("'xx' is not a registered"));

    Api.Reply twice =
        api.put(
            TENANTS + "son-la",
            "{\"names\":{\"he\":\"a\",\"iw\":\"b\"},\"sourceLocale\":\"he\","
                + "\"locales\":[{\"tag\":\"he\"}]}");
    assertEquals(400, twice.status(), twice.toString());
    assertEquals("names.iw", twice.json().at("/errors/0/field").asText(), twice.toString());
  }

  @Test
  void aDeprecatedTagIsStoredInItsPreferredFormAndTheAnswerSaysSo() {
    Api.Reply saved = api.put(TENANTS + "dien-bien", tenant("vi", "iw"));
    assertEquals(201, saved.status(), saved.toString());
    JsonNode body = saved.json();
    assertEquals("he", body.at("/locales/1/tag").asText(), saved.toString());
    JsonNode notice = body.at("/notices/0");
    assertEquals("locales[1].tag", notice.get("field").asText(), saved.toString());
    assertEquals("iw", notice.get("given").asText());
    assertEquals("he", notice.get("stored").asText());
    assertTrue(
        notice.get("message").asText().contains("'iw' is stored as 'he'")
            && notice.get("message").asText().contains("deprecated"),
        notice.toString());
    assertEquals(1, body.get("notices").size(), body.toString());

    Api.Reply read = api.get(TENANTS + "dien-bien");
    assertEquals("he", read.json().at("/locales/1/tag").asText());
    assertFalse(read.json().has("notices"), "a read has nothing to tell: " + read.body());

    // Case is a convention only (RFC 5646 2.1.1): normalised, and nothing to say.
    Api.Reply cased = api.put(TENANTS + "lai-chau", tenant("vi", "EN-us"));
    assertEquals(201, cased.status(), cased.toString());
    assertEquals("en-US", cased.json().at("/locales/1/tag").asText());
    assertFalse(cased.json().has("notices"), cased.body());

    // A channel naming the tenant's locale by its deprecated tag is told so too.
    Api.Reply channel =
        api.put(
            "api/admin/v1/dien-bien/channels/he-portal",
            "{\"name\":\"Hebrew portal\",\"locales\":[{\"tag\":\"iw\",\"fallbacks\":[\"vi\"]}]}");
    assertEquals(201, channel.status(), channel.toString());
    assertEquals("he", channel.json().at("/locales/0/tag").asText(), channel.toString());
    assertEquals("locales[0].tag", channel.json().at("/notices/0/field").asText());
    assertEquals("he", channel.json().at("/notices/0/stored").asText());
  }

  @Test
  void tagsInPathsAndParametersAreCheckedToo() {
    List<String> paths = new ArrayList<>();
    paths.add("api/admin/v1/lao-cai/stories?locale=blu");
    paths.add("api/v1/lao-cai/stories?locale=blu");
    paths.add("api/v1/lao-cai/search?q=sapa&locale=blu");
    paths.add("api/admin/v1/lao-cai/translations/dashboard?locale=blu");
    for (String path : paths) {
      Api.Reply refused = api.get(path);
      assertEquals(400, refused.status(), path + ": " + refused);
      assertTrue(
          refused.body().contains("'blu' is not a registered language subtag"),
          path + ": " + refused);
    }
    String id = api.get("api/admin/v1/lao-cai/stories?limit=1").json().at("/items/0/id").asText();
    Api.Reply translation =
        api.put(
            "api/admin/v1/lao-cai/stories/" + id + "/translations/xx",
            "{\"title\":\"Not a language\"}");
    assertEquals(400, translation.status(), translation.toString());
    assertTrue(
        translation.body().contains("'xx' is not a registered language subtag"),
        translation.toString());

    // A valid tag the tenant does not use is still a 404 on delivery, naming what it serves.
    Api.Reply notServed = api.get("api/v1/lao-cai/stories?locale=fr");
    assertEquals(404, notServed.status(), notServed.toString());
  }

  @Test
  void anImportedTenantLineSaysWhatItStoredDifferently() {
    assertEquals(201, api.put(TENANTS + "ha-giang", tenant("vi", "en")).status());
    String lines =
        "{\"type\":\"tenant\",\"names\":{\"vi\":\"Hà Giang\"},\"sourceLocale\":\"vi\","
            + "\"locales\":[{\"tag\":\"vi\"},{\"tag\":\"in\",\"fallbacks\":[\"vi\"]}]}\n"
            + "{\"type\":\"tenant\",\"names\":{\"vi\":\"Hà Giang\"},\"sourceLocale\":\"vi\","
            + "\"locales\":[{\"tag\":\"vi\"},{\"tag\":\"blu\"}]}\n";
    Api.Reply report =
        api.send("POST", "api/admin/v1/ha-giang/import", "application/x-ndjson", lines, null);
    assertEquals(200, report.status(), report.toString());
    JsonNode body = report.json();
    assertEquals(1, body.get("failed").asInt(), body.toString());
    assertTrue(
        body.at("/errors/0/message").asText().contains("'blu' is not a registered"),
        body.toString());
    assertTrue(
        body.get("warnings").toString().contains("line 1: locales[1].tag: 'in' is stored as 'id'"),
        body.toString());
    assertEquals("id", api.get(TENANTS + "ha-giang").json().at("/locales/1/tag").asText());
  }
}
