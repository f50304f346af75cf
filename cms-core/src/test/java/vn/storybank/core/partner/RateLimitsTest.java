package vn.storybank.core.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
  /** A clock the test moves. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-12-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aKeyBurstsToItsRateThenGetsOneRequestBackPerInterval() {
    Hand clock = new Hand();
    RateLimits limits = new RateLimits(clock);
    UUID key = UUID.randomUUID();
    for (int i = 0; i < 60; i++) {
      assertEquals(0, limits.take(key, 60), "request " + i);
    }
    long wait = limits.take(key, 60);
    assertTrue(wait >= 1 && wait <= 2, "wait " + wait);
    clock.now = clock.now.plus(Duration.ofMillis(1_000));
    assertEquals(0, limits.take(key, 60));
    assertTrue(limits.take(key, 60) > 0);
    assertEquals(0, limits.take(UUID.randomUUID(), 60), "other keys have their own bucket");
    clock.now = clock.now.plus(Duration.ofMinutes(5));
    for (int i = 0; i < 60; i++) {
      assertEquals(0, limits.take(key, 60), "refilled to the rate, not beyond");
    }
    assertTrue(limits.take(key, 60) > 0);
  }
}
