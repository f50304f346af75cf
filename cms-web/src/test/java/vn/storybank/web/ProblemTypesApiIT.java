package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.storybank.core.json.Json;

/**
 * What a client meets at a path or with a method that does not exist, as a partner's tool sees it
 * on the wire: an RFC 9457 problem, never the container's HTML page, whose type is an absolute URI
 * that leads to a page saying what it means.
 */
@ExtendWith(EmbeddedServer.class)
class ProblemTypesApiIT {
  static URI base;

  @BeforeAll
  static void connect(PayaraServer payara) {
    base = payara.base();
  }

  record Case(String method, String target, List<String> headers, int status, String slug) {}

  @Test
  void everyRefusalIsAProblemWhoseTypeLeadsToItsPage() {
    String admin = "Authorization: " + Api.basic("admin", PayaraServer.ADMIN_PASSWORD);
    List<Case> cases =
        List.of(
            new Case("GET", "/favicon.ico", List.of(), 404, "not-found"),
            new Case("GET", "/robots.txt", List.of(), 404, "not-found"),
            new Case("GET", "/anything", List.of(), 404, "not-found"),
            new Case("GET", "/api/nope", List.of(), 404, "not-found"),
            new Case("GET", "/api/admin/v1/x/y/z", List.of(), 404, "not-found"),
            new Case("GET", "/app/nope.js", List.of(), 404, "not-found"),
            new Case("GET", "/problems/no-such-type", List.of(), 404, "not-found"),
            new Case("DELETE", "/", List.of(), 405, "method-not-allowed"),
            new Case("PUT", "/app/app.css", List.of(), 405, "method-not-allowed"),
            new Case("PUT", "/nothing-here", List.of(), 404, "not-found"),
            new Case("POST", "/problems/invalid", List.of(), 405, "method-not-allowed"),
            new Case("POST", "/api/v1/lao-cai/search", List.of(), 405, "method-not-allowed"),
            new Case(
                "POST",
                "/api/admin/v1/lao-cai/stories",
                List.of(admin, "Content-Type: text/plain"),
                415,
                "unsupported-media-type"),
            new Case(
                "GET",
                "/api/v1/lao-cai/search?q=x",
                List.of("Accept: image/png"),
                406,
                "not-acceptable"),
            new Case("GET", "/anything?q=" + "a".repeat(9 * 1024), List.of(), 414, "uri-too-long"),
            new Case("FOO", "/", List.of(), 501, "http-501"));
    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      RawHttp.Reply reply = send(c);
      String what = c.method() + " " + c.target().substring(0, Math.min(60, c.target().length()));
      try {
        assertProblem(c, reply);
      } catch (AssertionError e) {
        failures.add(what + ": " + e.getMessage());
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private static RawHttp.Reply send(Case c) {
    StringBuilder request = new StringBuilder(c.method() + " " + c.target() + " HTTP/1.1\r\n");
    request.append("Host: localhost:").append(base.getPort()).append("\r\n");
    c.headers().forEach(line -> request.append(line).append("\r\n"));
    if (!c.method().equals("GET") && !c.method().equals("DELETE")) {
      request.append("Content-Length: 0\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    return RawHttp.send(base, "127.0.0.1", request.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void assertProblem(Case c, RawHttp.Reply reply) {
    assertEquals(c.status(), reply.status(), reply.toString());
    String contentType = reply.header("Content-Type");
    assertNotNull(contentType, reply.toString());
    assertTrue(contentType.startsWith("application/problem+json"), reply.toString());
    assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply.toString());
    if (c.status() == 405) {
      assertNotNull(reply.header("Allow"), "405 without Allow: " + reply);
    }
    JsonNode problem = json(reply.body());
    assertEquals(c.status(), problem.get("status").asInt(), reply.body());
    URI type = URI.create(problem.get("type").asText());
    assertTrue(type.isAbsolute(), "a relative type: " + type);
    assertEquals(URI.create("http://localhost:" + base.getPort() + "/problems/" + c.slug()), type);
    RawHttp.Reply page = RawHttp.get(base, "127.0.0.1", type.getRawPath().substring(1), List.of());
    assertEquals(200, page.status(), type + " answers " + page);
    assertTrue(page.header("Content-Type").startsWith("text/html"), page.toString());
    assertTrue(page.header("Content-Security-Policy").contains("default-src 'none'"));
    assertEquals("nosniff", page.header("X-Content-Type-Options"));
    assertTrue(page.body().contains("/problems/" + c.slug()), page.body());
    assertTrue(page.body().contains(problem.get("title").asText()), page.body());
  }

  /** The index lists every type, and each listed type opens. */
  @Test
  void theIndexListsPagesThatOpen() {
    RawHttp.Reply index = RawHttp.get(base, "127.0.0.1", "problems/", List.of());
    assertEquals(200, index.status(), index.toString());
    for (String slug : List.of("invalid", "stale-version", "too-many-requests", "internal")) {
      assertTrue(index.body().contains("href=\"" + slug + "\""), index.body());
      RawHttp.Reply page = RawHttp.get(base, "127.0.0.1", "problems/" + slug, List.of());
      assertEquals(200, page.status(), page.toString());
      assertTrue(page.body().contains("lang=\"vi\""), page.body());
    }
  }

  private static JsonNode json(String body) {
    try {
      return Json.mapper().readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
