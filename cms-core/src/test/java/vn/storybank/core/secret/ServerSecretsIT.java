package vn.storybank.core.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.Storybank;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestDatabases;

/** A generated secret is made once, kept across restarts and shared by every node. */
class ServerSecretsIT {
  @TempDir Path dir;

  @Test
  void aSecretSurvivesARestartOnH2() {
    DatabaseSettings database = TestDatabases.h2(dir);
    String first;
    try (Storybank node = Storybank.start(database, Clock.systemUTC())) {
      first = node.secrets().get("media-url");
      assertTrue(first.length() >= 43, first);
      assertEquals(first, node.secrets().get("media-url"));
      assertNotEquals(first, node.secrets().get("other"));
    }
    try (Storybank restarted = Storybank.start(database, Clock.systemUTC())) {
      assertEquals(first, restarted.secrets().get("media-url"));
    }
  }

  @Test
  void nodesStartingTogetherOnPostgresShareOneSecret() throws Exception {
    DatabaseSettings database = TestDatabases.postgres();
    try (Storybank a = Storybank.start(database, Clock.systemUTC());
        Storybank b = Storybank.start(database, Clock.systemUTC())) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> asked = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Storybank node = i % 2 == 0 ? a : b;
        asked.add(
            pool.submit(
                () -> {
                  go.await();
                  return node.secrets().get("media-url");
                }));
      }
      go.countDown();
      HashSet<String> secrets = new HashSet<>();
      for (Future<String> secret : asked) {
        secrets.add(secret.get());
      }
      pool.shutdown();
      assertEquals(1, secrets.size(), secrets.toString());
      assertEquals(secrets.iterator().next(), b.secrets().get("media-url"));
    }
  }
}
