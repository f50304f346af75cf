package vn.storybank.core.partner;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.storybank.core.persistence.Transactions;

/**
 * A token bucket per key: a key may burst up to its per-minute rate, then gets a request back every
 * 60/rate seconds. On a database several nodes share (PostgreSQL) the bucket is a row of {@code
 * partner_rate}, taken under a row lock, so the rate holds for the installation, not per node; on
 * H2, which one node opens alone, it stays in memory and costs no write.
 */
abstract class RateLimits {
  final Clock clock;

  private RateLimits(Clock clock) {
    this.clock = clock;
  }

  static RateLimits inMemory(Clock clock) {
    return new InMemory(clock);
  }

  static RateLimits shared(Clock clock, Transactions transactions) {
    return new Shared(clock, transactions);
  }

  /** Takes a request; returns 0 when allowed, else the seconds until one is. */
  abstract long take(UUID key, int ratePerMinute);

  /**
   * The bucket's tokens at {@code now}, refilled since {@code at} (seconds), up to the rate. A
   * clock behind the last taker's refills nothing rather than going back.
   */
  static double refilled(double tokens, double at, int ratePerMinute, double now) {
    return Math.min(ratePerMinute, tokens + Math.max(0, now - at) * ratePerMinute / 60.0);
  }

  /** The seconds until a bucket holding {@code tokens} (less than one) has a whole one. */
  static long secondsUntilOne(double tokens, int ratePerMinute) {
    return (long) Math.ceil((1 - tokens) / (ratePerMinute / 60.0));
  }

  double now() {
    return clock.millis() / 1000.0;
  }

  private static final class InMemory extends RateLimits {
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    InMemory(Clock clock) {
      super(clock);
    }

    @Override
    long take(UUID key, int ratePerMinute) {
      Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(ratePerMinute, now()));
      return bucket.take(ratePerMinute, now());
    }
  }

  private static final class Bucket {
    private double tokens;
    private double at;

    Bucket(int capacity, double now) {
      this.tokens = capacity;
      this.at = now;
    }

    synchronized long take(int ratePerMinute, double now) {
      tokens = refilled(tokens, at, ratePerMinute, now);
      at = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return secondsUntilOne(tokens, ratePerMinute);
    }
  }

  /**
   * One short write transaction per request: create the row if absent (a node racing another for
   * the first request does nothing), lock it, refill, take. Only this class writes the table.
   */
  private static final class Shared extends RateLimits {
    private final Transactions transactions;

    Shared(Clock clock, Transactions transactions) {
      super(clock);
      this.transactions = transactions;
    }

    @Override
    long take(UUID key, int ratePerMinute) {
      long nowMillis = clock.millis();
      return transactions.write(
          em -> {
            PartnerQueries queries = new PartnerQueries(em);
            queries.addBucketIfAbsent(key, ratePerMinute, nowMillis);
            Object[] row = queries.lockBucket(key);
            double at = ((Number) row[1]).longValue() / 1000.0;
            double now = nowMillis / 1000.0;
            double tokens =
                refilled(((Number) row[0]).doubleValue(), at, ratePerMinute, Math.max(now, at));
            long wait = tokens >= 1 ? 0 : secondsUntilOne(tokens, ratePerMinute);
            queries.updateBucket(
                key,
                wait == 0 ? tokens - 1 : tokens,
                Math.max(nowMillis, ((Number) row[1]).longValue()));
            return wait;
          });
    }
  }
}
