package vn.storybank.web.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.storybank.core.testing.Wait.waitUntil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryCacheTest {
  private static final Duration LONG = Duration.ofSeconds(10);
  private final List<Thread> poolThreads = new CopyOnWriteArrayList<>();
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          16,
          r -> {
            Thread thread = new Thread(r);
            poolThreads.add(thread);
            return thread;
          });

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void requestsArrivingTogetherShareOneRendering() throws Exception {
    DeliveryCache cache = new DeliveryCache(10);
    AtomicInteger renderings = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    List<Future<DeliveryCache.Cached>> answers = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      answers.add(
          pool.submit(
              () -> {
                DeliveryCache.Cached hit = cache.get("page", 7);
                return hit != null
                    ? hit
                    : cache.render(
                        "page",
                        7,
                        () -> {
                          renderings.incrementAndGet();
                          awaitOpen(release);
                          return page("first", 7);
                        });
              }));
    }
    waitUntil(
        "the 16 requests wait, one rendering and the others for its result",
        LONG,
        () ->
            renderings.get() == 1
                && poolThreads.size() == 16
                && poolThreads.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
    release.countDown();
    DeliveryCache.Cached first = answers.get(0).get(10, TimeUnit.SECONDS);
    for (Future<DeliveryCache.Cached> answer : answers) {
      assertSame(first, answer.get(10, TimeUnit.SECONDS));
    }
    assertEquals(1, renderings.get());
    assertSame(first, cache.get("page", 7));
  }

  @Test
  void aWriteRetiresTheEntryAndNobodyWaitsForAnOlderRendering() {
    DeliveryCache cache = new DeliveryCache(10);
    DeliveryCache.Cached old = cache.render("page", 7, () -> page("old", 7));
    assertEquals(null, cache.get("page", 8), "something was written since");
    DeliveryCache.Cached fresh = cache.render("page", 8, () -> page("new", 8));
    assertNotSame(old, fresh);
    assertSame(fresh, cache.get("page", 8));
  }

  @Test
  void anExpiredEntryIsServedWhileOneRequestRefreshesIt() throws Exception {
    DeliveryCache cache = new DeliveryCache(10, Duration.ofMillis(50));
    DeliveryCache.Cached old = cache.render("page", 7, () -> page("old", 7));
    waitUntil("the 50 ms lifetime passed", LONG, () -> cache.get("page", 7) == null);
    assertEquals(null, cache.get("page", 7), "expired, and nobody refreshes it yet");
    CountDownLatch refreshing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<DeliveryCache.Cached> refresh =
        renderHeld(cache, refreshing, release, () -> page("refreshed", 7));
    refreshing.await();
    assertSame(old, cache.get("page", 7), "the others keep the old answer meanwhile");
    release.countDown();
    DeliveryCache.Cached refreshed = refresh.get(10, TimeUnit.SECONDS);
    assertSame(refreshed, cache.get("page", 7));
  }

  @Test
  void aFailedRenderingFailsEveryoneWhoWaitedForItAndIsNotKept() throws Exception {
    DeliveryCache cache = new DeliveryCache(10);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<DeliveryCache.Cached> leader =
        renderHeld(
            cache,
            started,
            release,
            () -> {
              throw new IllegalArgumentException("bad cursor");
            });
    started.await();
    AtomicReference<RuntimeException> followerFailure = new AtomicReference<>();
    Thread follower =
        new Thread(
            () -> {
              try {
                cache.render("page", 7, () -> page("never", 7));
              } catch (RuntimeException e) {
                followerFailure.set(e);
              }
            });
    follower.start();
    waitUntil(
        "the follower waits for the leader's rendering",
        LONG,
        () -> follower.getState() == Thread.State.WAITING);
    release.countDown();
    follower.join(10_000);
    var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> leader.get());
    assertEquals("bad cursor", e.getCause().getMessage());
    assertEquals("bad cursor", followerFailure.get().getMessage(), "the follower shared it");
    assertEquals(null, cache.get("page", 7));
  }

  @Test
  void withoutCapacityEveryRequestRenders() {
    DeliveryCache cache = new DeliveryCache(0);
    AtomicInteger renderings = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      assertEquals(null, cache.get("page", 7));
      cache.render(
          "page",
          7,
          () -> {
            renderings.incrementAndGet();
            return page("x", 7);
          });
    }
    assertEquals(3, renderings.get());
  }

  /** Renders "page" at head 7 in another thread; the rendering starts, then waits for release. */
  private Future<DeliveryCache.Cached> renderHeld(
      DeliveryCache cache,
      CountDownLatch started,
      CountDownLatch release,
      Supplier<DeliveryCache.Cached> result) {
    return pool.submit(
        () ->
            cache.render(
                "page",
                7,
                () -> {
                  started.countDown();
                  awaitOpen(release);
                  return result.get();
                }));
  }

  private static DeliveryCache.Cached page(String text, long head) {
    return new DeliveryCache.Cached(
        Representation.of(text.getBytes(UTF_8), "text/plain"), null, "vi", head, System.nanoTime());
  }

  private static void awaitOpen(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
