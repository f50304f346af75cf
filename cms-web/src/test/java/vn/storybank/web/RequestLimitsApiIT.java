package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Overlong URLs and header sections get a problem and the security headers, not the HTTP listener's
 * bare 400: the listener's own limit is raised (deploy/payara-preboot.asadmin, which PayaraServer
 * passes as deploy/run does) so that these requests reach Storybank.
 */
@ExtendWith(EmbeddedServer.class)
class RequestLimitsApiIT {
  static Api api;

  @BeforeAll
  static void connect(PayaraServer payara) {
    api = Api.admin(payara).anonymous();
  }

  @Test
  void longUrlsAre414ProblemsWithTheSecurityHeaders() {
    for (int kib : List.of(9, 20, 70)) {
      String query = "a".repeat(kib * 1024);
      for (String path :
          List.of(
              "api/v1/lao-cai/search?q=" + query,
              "api/admin/v1/lao-cai/stories?q=" + query,
              "health?q=" + query,
              "no-such-page/" + query)) {
        Api.Reply reply = api.get(path);
        assertEquals(
            414,
            reply.status(),
            () -> kib + " KiB: " + reply.body().substring(0, Math.min(200, reply.body().length())));
        assertProblemWithHeaders(reply, "uri-too-long");
        assertTrue(reply.json().get("detail").asText().contains("8192"), reply.body());
      }
    }
  }

  @Test
  void urlsUnderTheLimitAreServed() {
    Api.Reply reply = api.get("api/v1/lao-cai/search?q=" + "a".repeat(7 * 1024));
    assertNotEquals(414, reply.status());
    assertTrue(reply.status() < 500, reply.toString());
  }

  @Test
  void largeHeaderSectionsAre431ProblemsWithTheSecurityHeaders() {
    Api.Reply reply = api.withHeader("X-Padding", "b".repeat(20 * 1024)).get("health");
    assertEquals(431, reply.status(), reply.toString());
    assertProblemWithHeaders(reply, "header-fields-too-large");
  }

  /** What the container answers itself, outside JAX-RS, is a problem too, not an HTML page. */
  @Test
  void containerErrorsAreProblemsWithTheSecurityHeaders() {
    Api.Reply unknown = api.get("no-such-page");
    assertEquals(404, unknown.status(), unknown.toString());
    assertProblemWithHeaders(unknown, "not-found");
    Api.Reply method = api.send("DELETE", "health", null, null, null);
    assertEquals(405, method.status(), method.toString());
    assertProblemWithHeaders(method, "method-not-allowed");
    Api.Reply direct = api.get(".container-error");
    assertEquals(404, direct.status(), direct.toString());
    assertProblemWithHeaders(direct, "not-found");
  }

  static void assertProblemWithHeaders(Api.Reply reply, String type) {
    assertTrue(
        reply.header("Content-Type").startsWith("application/problem+json"),
        reply.header("Content-Type"));
    // Absolute, under the address the request came to, where a page explains it.
    assertTrue(
        reply.json().get("type").asText().matches("http://localhost:[0-9]+/problems/" + type),
        reply.toString());
    assertEquals("nosniff", reply.header("X-Content-Type-Options"));
    assertEquals("DENY", reply.header("X-Frame-Options"));
    assertEquals("no-referrer", reply.header("Referrer-Policy"));
    assertEquals(
        "default-src 'none'; frame-ancestors 'none'", reply.header("Content-Security-Policy"));
  }
}
