package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An acknowledged write survives {@code kill -9} of the server on the embedded default (H2): four
 * clients write stories as fast as they can, the WAR's process is killed in the middle of the
 * stream, and after a restart every story answered 201 is there, with its change-log row.
 */
class CrashDurabilityIT {
  private static final String STORIES = "api/admin/v1/lao-cai/stories";
  private static final int WRITERS = 4;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 120;

  @Test
  void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "data-crash-").toAbsolutePath();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    PayaraServer first = PayaraServer.start("crash-before", data, Map.of());
    Api api = Api.admin(first);
    CountDownLatch enoughWritten = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
    AtomicInteger sequence = new AtomicInteger();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      running.add(
          writers.submit(
              () -> {
                while (true) {
                  int n = sequence.incrementAndGet();
                  Api.Reply reply;
                  try {
                    reply =
                        api.post(
                            STORIES,
                            "{\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\"Bền vững "
                                + n
                                + "\"}}}");
                  } catch (UncheckedIOException killed) {
                    return;
                  }
                  assertEquals(201, reply.status(), reply.toString());
                  acknowledged.add(reply.json().get("id").asText());
                  enoughWritten.countDown();
                }
              }));
    }
    assertTrue(enoughWritten.await(120, TimeUnit.SECONDS), "the writers never got going");
    first.kill();
    writers.shutdown();
    assertTrue(writers.awaitTermination(90, TimeUnit.SECONDS), "a writer hung after the kill");
    for (Future<?> writer : running) {
      writer.get(); // a writer's failed assertion (an answer other than 201) fails the test
    }
    List<String> answered = List.copyOf(acknowledged);

    try (PayaraServer second = PayaraServer.start("crash-after", data, Map.of())) {
      Api restarted = Api.admin(second);
      awaitAdminApi(restarted);
      Set<String> missing = new TreeSet<>();
      for (String id : answered) {
        Api.Reply story = restarted.get(STORIES + "/" + id);
        if (story.status() != 200) {
          missing.add(id + ": " + story.status() + " " + story.header("Content-Type"));
        }
      }
      assertEquals(
          0,
          missing.size(),
          missing.size()
              + " of "
              + answered.size()
              + " acknowledged stories were lost, e.g. "
              + missing.stream().limit(3).toList());
      Set<String> logged = createdInChangeLog(restarted);
      Set<String> unlogged = new TreeSet<>(answered);
      unlogged.removeAll(logged);
      assertEquals(Set.of(), unlogged, "acknowledged stories without their change-log row");
    }
  }

  /**
   * A restarted Payara has been seen answering its own HTML 404 to admin reads for a moment after
   * its health check turned 200; a read of the list must answer JSON before ids are looked up.
   */
  private static void awaitAdminApi(Api api) throws InterruptedException {
    waitUntil(
        "the restarted server answers the admin API",
        Duration.ofSeconds(60),
        () -> api.get(STORIES + "?limit=1").status() == 200);
  }

  private static Set<String> createdInChangeLog(Api api) {
    Set<String> created = new HashSet<>();
    String after = "0";
    while (after != null) {
      Api.Reply page = api.get("api/admin/v1/lao-cai/changes?limit=1000&after=" + after);
      assertEquals(200, page.status(), page.toString());
      for (JsonNode change : page.json().get("items")) {
        if ("CREATE".equals(change.get("operation").asText())) {
          created.add(change.get("entityId").asText());
        }
      }
      JsonNode next = page.json().get("next");
      after = next == null || next.isNull() ? null : next.asText();
    }
    return created;
  }
}
