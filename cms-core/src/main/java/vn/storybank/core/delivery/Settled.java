package vn.storybank.core.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What every delivery request reads first and hardly ever changes — the tenant's locales, its
 * public channels, a channel's settings — kept while the change log stays where it was when they
 * were read (tenant and channel writes are logged), and 5 seconds at most, like the delivery
 * cache's answers. Read once per request, they were a third of a feed page's statements.
 */
final class Settled<K, V> {
  private static final long LIFETIME_NANOS = 5_000_000_000L;

  /** Keys hold what readers send (Accept-Language): a bound keeps odd ones from piling up. */
  private static final int MAX_KEYS = 1_000;

  private final LongSupplier head;
  private volatile Generation<K, V> generation = new Generation<>(Long.MIN_VALUE, 0);

  private record Generation<K, V>(long head, long born, Map<K, V> values) {
    Generation(long head, long born) {
      this(head, born, new ConcurrentHashMap<>());
    }
  }

  /**
   * @param head the change-log position this node knows of (see ChangeService#recentHead)
   */
  Settled(LongSupplier head) {
    this.head = head;
  }

  /** The value kept for the key at the current position, or the one {@code read} gives now. */
  V get(K key, Supplier<V> read) {
    // The position is read before the value: a write committed meanwhile makes it newer, not older.
    long at = head.getAsLong();
    long now = System.nanoTime();
    Generation<K, V> current = generation;
    if (current.head() != at || now - current.born() > LIFETIME_NANOS) {
      current = new Generation<>(at, now);
      generation = current;
    }
    V value = current.values().get(key);
    if (value == null) {
      value = read.get();
      if (current.values().size() < MAX_KEYS) {
        current.values().put(key, value);
      }
    }
    return value;
  }
}
