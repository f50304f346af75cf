package vn.storybank.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.testing.Failures;

class SingleFlightTest {
  private final SingleFlight<String> flights = new SingleFlight<>();

  @Test
  void aCallerArrivingWhileTheWorkRunsGetsItsResultWithoutRunningItAgain() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Object> first = new AtomicReference<>();
    Thread leader =
        new Thread(() -> first.set(flights.run("k", () -> held(runs, release, "made"))));
    leader.start();
    awaitRunning("k");
    AtomicReference<Object> second = new AtomicReference<>();
    Thread follower =
        new Thread(() -> second.set(flights.run("k", () -> held(runs, release, "again"))));
    follower.start();
    awaitWaiting(follower);
    release.countDown();
    leader.join(10_000);
    follower.join(10_000);
    assertEquals("made", first.get());
    assertSame(first.get(), second.get());
    assertEquals(1, runs.get());
    assertFalse(flights.isRunning("k"), "nothing is remembered afterwards");
    assertEquals("later", flights.run("k", () -> "later"));
  }

  @Test
  void aFailureReachesEveryWaiterAsItWasThrown() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    StorybankException corrupt =
        new StorybankException(ErrorKind.UNPROCESSABLE, "The rendition could not be made.");
    AtomicReference<RuntimeException> leaderSaw = new AtomicReference<>();
    AtomicReference<RuntimeException> followerSaw = new AtomicReference<>();
    Thread leader =
        new Thread(
            () ->
                leaderSaw.set(
                    Failures.of(
                        () ->
                            flights.run(
                                "k",
                                () -> {
                                  held(runs, release, null);
                                  throw corrupt;
                                }))));
    leader.start();
    awaitRunning("k");
    Thread follower =
        new Thread(() -> followerSaw.set(Failures.of(() -> flights.run("k", () -> "never"))));
    follower.start();
    awaitWaiting(follower);
    release.countDown();
    leader.join(10_000);
    follower.join(10_000);
    assertSame(corrupt, leaderSaw.get());
    assertSame(corrupt, followerSaw.get(), "not wrapped: the API maps it to a 422, not a 500");
    assertEquals(1, runs.get());
  }

  private static String held(AtomicInteger runs, CountDownLatch release, String result) {
    runs.incrementAndGet();
    try {
      assertTrue(release.await(10, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return result;
  }

  private void awaitRunning(String key) {
    waitUntil("the work of " + key + " runs", Duration.ofSeconds(10), () -> flights.isRunning(key));
  }

  private static void awaitWaiting(Thread thread) {
    waitUntil(
        "the follower waits for the leader",
        Duration.ofSeconds(10),
        () -> thread.getState() == Thread.State.WAITING);
  }
}
