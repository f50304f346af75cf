package vn.storybank.web.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.storybank.core.channel.ChannelView;

/**
 * Rendered feed pages and playlists of this node, reused while nothing was written: an entry is
 * valid only for the change-log position it was rendered at, so any committed write (an entry, a
 * term, the channel itself) retires every entry at the next request. Changes that need no write (a
 * licence running out) are bounded by a 5-second lifetime. Least recently used entries go first.
 */
public final class DeliveryCache {
  private static final long LIFETIME_NANOS = 5_000_000_000L;
  private final int capacity;
  private final Map<String, Cached> entries;

  /** A rendered answer, the channel it was rendered for, and the locale it served. */
  record Cached(
      Representation representation, ChannelView channel, String locale, long head, long born) {}

  public DeliveryCache(int capacity) {
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > DeliveryCache.this.capacity;
          }
        };
  }

  /** The entry for the key if it was rendered at this change-log position, recently enough. */
  Cached get(String key, long head) {
    if (capacity == 0) {
      return null;
    }
    Cached cached;
    synchronized (entries) {
      cached = entries.get(key);
    }
    if (cached == null
        || cached.head() != head
        || System.nanoTime() - cached.born() > LIFETIME_NANOS) {
      return null;
    }
    return cached;
  }

  void put(
      String key, long head, ChannelView channel, String locale, Representation representation) {
    if (capacity == 0) {
      return;
    }
    Cached cached = new Cached(representation, channel, locale, head, System.nanoTime());
    synchronized (entries) {
      entries.put(key, cached);
    }
  }
}
