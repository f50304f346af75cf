package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The WAR with invalid settings does not start: the log names every invalid key in one message,
 * from the environment and from storybank.properties alike, the API is not served and no database
 * is created.
 */
class InvalidSettingsIT {
  @Test
  void invalidSettingsStopTheStartWithOneMessageNamingThemAll() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "data-invalid-").toAbsolutePath();
    // One from the data directory's file, the others from the environment: all in one message.
    Files.writeString(data.resolve("storybank.properties"), "cms.delivery.max-age=-5\n");
    try (PayaraServer server =
        PayaraServer.launch(
            "invalid-settings",
            data,
            Map.of(
                "CMS_DB_POOL_SIZE", "-1",
                "CMS_MEDIA_JPEG_QUALITY", "7",
                "CMS_METRICS_TOKEN", "too-short"))) {
      String failure = server.awaitLogLine("Storybank cannot start", Duration.ofSeconds(300));
      assertTrue(failure.contains("cms.db.pool-size = -1: must be between 1 and 200"), failure);
      assertTrue(
          failure.contains("cms.media.jpeg-quality = 7: must be between 0.0 and 1.0"), failure);
      assertTrue(failure.contains("cms.metrics.token: must have at least 32"), failure);
      assertTrue(failure.contains("cms.delivery.max-age = -5: must be between 0 and"), failure);
      assertFalse(failure.contains("too-short"), "the token itself is not logged: " + failure);

      assertNotEquals(401, status(server, "api/admin/v1/tenants"), "the API is not served");
      assertFalse(Files.exists(data.resolve("db")), "nothing started, no database was created");
    }
  }

  /** The answer's status, or 0 when nothing listens. */
  private static int status(PayaraServer server, String path) throws InterruptedException {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(server.base().resolve(path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    }
  }
}
