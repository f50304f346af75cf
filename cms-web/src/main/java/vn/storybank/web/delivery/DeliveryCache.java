package vn.storybank.web.delivery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.concurrent.SingleFlight;

/**
 * Rendered feed pages and playlists of this node, reused while nothing was written: an entry is
 * valid only for the change-log position it was rendered at, so any committed write (an entry, a
 * term, the channel itself) retires every entry at the next request. Changes that need no write (a
 * licence running out) are bounded by a 5-second lifetime. Least recently used entries go first.
 *
 * <p>One request renders a missing entry; the others asking for it at the same moment wait for that
 * rendering instead of repeating it (at 32 connections every expiry otherwise started 32 identical
 * renderings at once, which took the two cores for hundreds of milliseconds). An entry past its
 * lifetime, with nothing written since, is refreshed by one request while the others are still
 * served the old one, for the few milliseconds the refresh takes.
 */
public final class DeliveryCache {
  private static final Duration LIFETIME = Duration.ofSeconds(5);
  private final int capacity;
  private final long lifetimeNanos;
  private final Map<String, Cached> entries;
  private final SingleFlight<Cached> rendering = new SingleFlight<>();

  /** A rendered answer, the channel it was rendered for, and the locale it served. */
  record Cached(
      Representation representation, ChannelView channel, String locale, long head, long born) {}

  public DeliveryCache(int capacity) {
    this(capacity, LIFETIME);
  }

  DeliveryCache(int capacity, Duration lifetime) {
    this.capacity = capacity;
    this.lifetimeNanos = lifetime.toNanos();
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > DeliveryCache.this.capacity;
          }
        };
  }

  /**
   * The entry for the key if it was rendered at this change-log position: recently enough, or while
   * another request refreshes it. Null when this request has to {@link #render} it.
   */
  Cached get(String key, long head) {
    if (capacity == 0) {
      return null;
    }
    Cached cached;
    synchronized (entries) {
      cached = entries.get(key);
    }
    if (cached == null || cached.head() != head) {
      return null;
    }
    if (System.nanoTime() - cached.born() <= lifetimeNanos
        || rendering.isRunning(flight(key, head))) {
      return cached;
    }
    return null;
  }

  /**
   * Renders the entry, or waits for the request already rendering it for this position, and keeps
   * it. The renderer runs in the calling thread or not at all.
   */
  Cached render(String key, long head, Supplier<Cached> renderer) {
    if (capacity == 0) {
      return renderer.get();
    }
    return rendering.run(
        flight(key, head),
        () -> {
          Cached made = renderer.get();
          synchronized (entries) {
            entries.put(key, made);
          }
          return made;
        });
  }

  private static String flight(String key, long head) {
    return head + "@" + key;
  }
}
