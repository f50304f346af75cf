package vn.storybank.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackgroundLoopTest {
  private static final Duration LONG = Duration.ofSeconds(10);
  private final Logger logger = Logger.getLogger(BackgroundLoop.class.getName());
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level level;

  @BeforeEach
  void listen() {
    level = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(capture);
    logger.setLevel(level);
  }

  @Test
  void aFailedRoundIsLoggedWithItsStackTraceAndTheLoopGoesOn() {
    AtomicInteger rounds = new AtomicInteger();
    IllegalStateException down = new IllegalStateException("database down");
    BackgroundLoop loop =
        BackgroundLoop.start(
            "test-loop",
            BackgroundLoop.Pace.draining(Duration.ofMillis(1)),
            () -> {
              if (rounds.incrementAndGet() <= 3) {
                throw down;
              }
              return false;
            });
    try {
      waitUntil("the loop ran after its failures", LONG, () -> rounds.get() >= 5);
    } finally {
      loop.close();
    }
    List<LogRecord> warnings = logged.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
    assertEquals(1, warnings.size(), "the same failure three times is one warning");
    assertSame(down, warnings.get(0).getThrown(), "with its stack trace");
    assertTrue(warnings.get(0).getMessage().contains("test-loop"), warnings.get(0).getMessage());
    assertEquals(
        2, logged.stream().filter(r -> r.getLevel() == Level.FINE).count(), "repeats at FINE");
    assertTrue(
        logged.stream().anyMatch(r -> r.getLevel() == Level.INFO),
        "the round that worked again says so");
  }

  @Test
  void roundsRunBackToBackWhileTheyReportMoreWorkThenWaitTheIdlePause() throws Exception {
    AtomicInteger rounds = new AtomicInteger();
    CountDownLatch idle = new CountDownLatch(1);
    BackgroundLoop loop =
        BackgroundLoop.start(
            "test-loop",
            BackgroundLoop.Pace.draining(Duration.ofHours(1)),
            () -> {
              if (rounds.incrementAndGet() < 5) {
                return true;
              }
              idle.countDown();
              return false;
            });
    try {
      assertTrue(idle.await(10, TimeUnit.SECONDS), "five rounds back to back");
      assertEquals(5, rounds.get(), "then it waits an hour");
    } finally {
      loop.close();
    }
    assertEquals(5, rounds.get());
  }

  @Test
  void closeLetsTheRunningRoundFinishWithoutInterruptingItAndStartsNoOther() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    AtomicBoolean finished = new AtomicBoolean();
    AtomicInteger rounds = new AtomicInteger();
    BackgroundLoop loop =
        BackgroundLoop.start(
            "test-loop",
            BackgroundLoop.Pace.draining(Duration.ZERO),
            () -> {
              rounds.incrementAndGet();
              running.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                interrupted.set(true);
              }
              finished.set(true);
              return true;
            });
    assertTrue(running.await(10, TimeUnit.SECONDS));
    Thread closing = new Thread(loop::close);
    closing.start();
    waitUntil(
        "close waits for the round", LONG, () -> closing.getState() == Thread.State.TIMED_WAITING);
    assertFalse(finished.get());
    release.countDown();
    closing.join(10_000);
    assertFalse(closing.isAlive(), "close returned once the round finished");
    assertTrue(finished.get());
    assertFalse(interrupted.get(), "Lucene and H2 close their files under an interrupted thread");
    assertEquals(1, rounds.get(), "no round after close, although the last one asked for more");
  }

  @Test
  void everyPeriodTheFirstRoundAfterOnePeriod() {
    AtomicInteger rounds = new AtomicInteger();
    long started = System.nanoTime();
    long[] first = new long[1];
    BackgroundLoop loop =
        BackgroundLoop.every(
            "test-loop",
            Duration.ofMillis(200),
            () -> {
              if (rounds.incrementAndGet() == 1) {
                first[0] = System.nanoTime();
              }
            });
    try {
      waitUntil("two rounds ran", LONG, () -> rounds.get() >= 2);
    } finally {
      loop.close();
    }
    assertTrue(
        first[0] - started >= TimeUnit.MILLISECONDS.toNanos(200),
        "the first round waited one period");
  }
}
