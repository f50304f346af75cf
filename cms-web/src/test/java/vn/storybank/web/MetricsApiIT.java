package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /metrics (Payara's MicroProfile Metrics) opens only to the metrics token; the health checks stay
 * open for load balancers. The shared server runs with CMS_METRICS_TOKEN; PostgresApiIT checks a
 * server without it.
 */
@ExtendWith(EmbeddedServer.class)
class MetricsApiIT {
  static Api anonymous;
  static PayaraServer server;

  @BeforeAll
  static void connect(PayaraServer payara) {
    server = payara;
    anonymous = Api.admin(payara).anonymous();
  }

  @Test
  void metricsNeedTheTokenAndHealthStaysOpen() {
    for (String path :
        List.of("metrics", "metrics/base", "metrics/vendor", "metrics/application")) {
      assertUnauthorized(anonymous.get(path), path);
      assertUnauthorized(anonymous.bearer("not-the-metrics-token").get(path), path);
      assertUnauthorized(
          anonymous.bearer(EmbeddedServer.METRICS_TOKEN + "x").get(path), path + " (longer)");
      assertUnauthorized(
          anonymous.withHeader("Authorization", "Basic YWRtaW46YWRtaW4=").get(path), path);
    }
    Api.Reply metrics = anonymous.bearer(EmbeddedServer.METRICS_TOKEN).get("metrics");
    assertEquals(200, metrics.status(), metrics.toString());
    assertTrue(metrics.body().contains("# TYPE"), "Prometheus text: " + metrics.body());
    assertEquals("nosniff", metrics.header("X-Content-Type-Options"));

    for (String path : List.of("health", "health/ready", "health/live")) {
      Api.Reply health = anonymous.get(path);
      assertEquals(200, health.status(), path + " " + health);
    }
  }

  /** A raw request, past any client library's path handling, is refused the same way. */
  @Test
  void otherSpellingsOfThePathAreGuardedToo() {
    for (String path : List.of("metrics/", "metrics?x=1", "metrics;x=1", "./metrics")) {
      RawHttp.Reply reply = RawHttp.get(server.base(), "127.0.0.1", path, List.of());
      assertTrue(reply.status() == 401 || reply.status() == 404, path + " " + reply);
      assertTrue(!reply.body().contains("# TYPE"), path + " " + reply);
    }
  }

  static void assertUnauthorized(Api.Reply reply, String path) {
    assertEquals(401, reply.status(), path + " " + reply);
    assertTrue(
        reply.header("Content-Type").startsWith("application/problem+json"),
        path + " " + reply.header("Content-Type"));
    assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"), path);
    assertEquals("nosniff", reply.header("X-Content-Type-Options"), path);
    assertEquals(
        "default-src 'none'; frame-ancestors 'none'", reply.header("Content-Security-Policy"));
  }
}
