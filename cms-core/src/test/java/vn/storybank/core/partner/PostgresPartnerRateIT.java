package vn.storybank.core.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.storybank.core.Storybank;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.RateLimitedException;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;

/**
 * Two nodes on one PostgreSQL database take a partner key's requests from one bucket: the key gets
 * its rate from the installation, not once per node.
 */
class PostgresPartnerRateIT {
  @Test
  void aKeysRateHoldsAcrossTwoNodes() {
    DatabaseSettings database = TestDatabases.postgres();
    try (Storybank one = Storybank.start(database, Clock.systemUTC());
        Storybank two = Storybank.start(database, Clock.systemUTC())) {
      TestContent.laoCai(one);
      int rate = 30;
      String key =
          one.partners()
              .create(
                  TestContent.TENANT,
                  new PartnerInput("Two nodes", List.of(), rate),
                  TestContent.ACTOR)
              .key();
      int allowed = 0;
      long started = System.nanoTime();
      for (int i = 0; i < 2 * rate; i++) {
        Storybank node = i % 2 == 0 ? one : two;
        try {
          node.partners().authorize(TestContent.TENANT, "vi-portal", key);
          allowed++;
        } catch (RateLimitedException e) {
          assertTrue(e.retryAfterSeconds() >= 1, "Retry-After " + e.retryAfterSeconds());
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      // What refilled while the requests were made (one every two seconds at 30 a minute).
      int refilled = (int) Math.ceil(seconds * rate / 60.0);
      assertTrue(
          allowed >= rate && allowed <= rate + refilled,
          allowed + " of " + 2 * rate + " allowed in " + seconds + " s");
      RateLimitedException refused =
          assertThrows(
              RateLimitedException.class,
              () -> {
                for (int i = 0; i < rate; i++) {
                  two.partners().authorize(TestContent.TENANT, "vi-portal", key);
                }
              });
      assertEquals(ErrorKind.TOO_MANY_REQUESTS, refused.kind());
    }
  }
}
