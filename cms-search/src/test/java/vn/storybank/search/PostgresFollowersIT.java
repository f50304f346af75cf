package vn.storybank.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;
import static vn.storybank.search.SearchFixture.ACTOR;
import static vn.storybank.search.SearchFixture.T;
import static vn.storybank.search.SearchFixture.vi;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.Storybank;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestDatabases;

/** Several nodes on one PostgreSQL database, and a node killed while indexing. */
class PostgresFollowersIT {
  @TempDir Path dir;

  @Test
  void twoNodesOnOneDatabaseBothSeeEveryChange() throws Exception {
    DatabaseSettings database = TestDatabases.postgres();
    try (SearchFixture a = new SearchFixture(database, dir.resolve("index-a"));
        SearchFixture b = new SearchFixture(database, dir.resolve("index-b"))) {
      a.tenant();
      a.index.start();
      b.index.start();
      Random random = new Random(7);
      List<UUID> ids = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        SearchFixture writer = random.nextBoolean() ? a : b;
        int action = ids.isEmpty() ? 0 : random.nextInt(4);
        switch (action) {
          case 0, 1 ->
              ids.add(
                  writer.story(
                      "destination",
                      List.of("sa-pa"),
                      List.of(),
                      vi("Câu chuyện " + i, null, "Nội dung " + i)));
          case 2 -> {
            UUID id = ids.get(random.nextInt(ids.size()));
            writer
                .core
                .stories()
                .putTranslation(
                    T,
                    id,
                    "en",
                    SearchFixture.text(
                        new String[] {"Story " + i, null, null}, TranslationStatus.DRAFT),
                    null,
                    ACTOR);
          }
          default ->
              writer.core.stories().delete(T, ids.remove(random.nextInt(ids.size())), null, ACTOR);
        }
      }
      long head = a.core.changes().head();
      waitUntil(
          "both followers reached the head",
          Duration.ofMinutes(1),
          () -> a.index.position() == head && b.index.position() == head);
      Map<String, String> expected = IndexContents.expected(a.core);
      assertEquals(expected, IndexContents.indexed(a.index));
      assertEquals(expected, IndexContents.indexed(b.index));
      assertEquals(a.editor("cau chuyen").total(), b.editor("cau chuyen").total());
    }
  }

  @Test
  void aNodeKilledWhileIndexingComesBackMatchingTheDatabase() throws Exception {
    DatabaseSettings database = TestDatabases.postgres();
    Path indexDir = dir.resolve("index");
    try (Storybank core = Storybank.start(database, Clock.systemUTC())) {
      SearchFixture seed = new SearchFixture(database, dir.resolve("unused"));
      seed.tenant();
      seed.close();
      Process node =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  IndexerProcess.class.getName(),
                  database.url(),
                  database.user(),
                  indexDir.toString())
              .redirectErrorStream(true)
              .start();
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.contains("following")) {
          // startup logging
        }
        assertTrue(line != null, "the indexing node did not start");
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        // Write while the node indexes; kill it in the middle.
        SearchFixture writer = new SearchFixture(database, dir.resolve("writer-index"));
        for (int i = 0; i < 400; i++) {
          writer.story(
              "destination",
              List.of(),
              List.of(),
              vi("Bản tin " + i, "Tóm tắt " + i, "Nội dung " + i));
          if (i == 250) {
            node.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
            assertTrue(node.waitFor(30, TimeUnit.SECONDS));
          }
        }
        writer.close();
      } finally {
        node.destroyForcibly();
      }
      assertTrue(
          java.nio.file.Files.exists(indexDir.resolve("current")),
          "the killed node had written an index");
      SearchIndex restarted =
          SearchIndex.open(core.changes(), core.snapshots(), SearchSettings.defaults(indexDir));
      try {
        long committed = restarted.position();
        restarted.catchUp();
        assertTrue(restarted.position() >= committed);
        assertEquals(IndexContents.expected(core), IndexContents.indexed(restarted));
      } finally {
        restarted.close();
      }
    }
  }
}
