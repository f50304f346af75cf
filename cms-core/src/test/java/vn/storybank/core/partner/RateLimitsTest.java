package vn.storybank.core.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.storybank.core.testing.TestClock;

class RateLimitsTest {
  @Test
  void aKeyBurstsToItsRateThenGetsOneRequestBackPerInterval() {
    TestClock clock = new TestClock(Instant.parse("2026-12-01T00:00:00Z"));
    RateLimits limits = RateLimits.inMemory(clock);
    UUID key = UUID.randomUUID();
    for (int i = 0; i < 60; i++) {
      assertEquals(0, limits.take(key, 60), "request " + i);
    }
    long wait = limits.take(key, 60);
    assertTrue(wait >= 1 && wait <= 2, "wait " + wait);
    clock.advance(Duration.ofMillis(1_000));
    assertEquals(0, limits.take(key, 60));
    assertTrue(limits.take(key, 60) > 0);
    assertEquals(0, limits.take(UUID.randomUUID(), 60), "other keys have their own bucket");
    clock.advance(Duration.ofMinutes(5));
    for (int i = 0; i < 60; i++) {
      assertEquals(0, limits.take(key, 60), "refilled to the rate, not beyond");
    }
    assertTrue(limits.take(key, 60) > 0);
  }
}
