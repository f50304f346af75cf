package vn.storybank.core.partner;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key on this node: a key may burst up to its per-minute rate, then gets a
 * request back every 60/rate seconds. Several nodes each allow the rate (documented).
 */
final class RateLimits {
  private final Clock clock;
  private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimits(Clock clock) {
    this.clock = clock;
  }

  /** Takes a request; returns 0 when allowed, else the seconds until one is. */
  long take(UUID key, int ratePerMinute) {
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(ratePerMinute, now()));
    return bucket.take(ratePerMinute, now());
  }

  private double now() {
    return clock.millis() / 1000.0;
  }

  private static final class Bucket {
    private double tokens;
    private double at;

    Bucket(int capacity, double now) {
      this.tokens = capacity;
      this.at = now;
    }

    synchronized long take(int ratePerMinute, double now) {
      double perSecond = ratePerMinute / 60.0;
      tokens = Math.min(ratePerMinute, tokens + Math.max(0, now - at) * perSecond);
      at = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / perSecond);
    }
  }
}
