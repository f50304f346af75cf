package vn.storybank.web.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rendered entry-list pages (summaries) of this node, reused while nothing was written: an answer
 * is valid only at the change-log position it was rendered at ({@code ChangeService.recentHead()},
 * exact for this node's commits, so an editor reads their own write at once; at most 250 ms late
 * for other nodes'), and for at most 5 s, since what a journalist sees also changes when an embargo
 * ends. The key holds the tenant, the entry type, whether the actor sees drafts and the query; the
 * permission check runs on every request, hit or not. Caffeine bounds the bytes kept.
 */
public final class ListCache {
  private static final Duration LIFETIME = Duration.ofSeconds(5);

  /** A rendered page (JSON), the change-log position it was rendered at, and when. */
  record Answer(byte[] json, long head, long born) {}

  // Null when the cache is off (size 0): every request renders.
  private final Cache<String, Answer> answers;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /**
   * @param mebibytes how much rendered JSON to keep; 0 turns the cache off
   */
  public ListCache(int mebibytes) {
    this.answers =
        mebibytes == 0
            ? null
            : Caffeine.newBuilder()
                .maximumWeight(mebibytes * 1024L * 1024L)
                .weigher((String key, Answer answer) -> key.length() + answer.json().length)
                // Evictions are done by the requests themselves: no pool threads in the server.
                .executor(Runnable::run)
                .build();
  }

  /** The page rendered for this key at this change-log position, recently; else null. */
  byte[] get(String key, long head) {
    byte[] json = lookup(key, head);
    (json == null ? misses : hits).increment();
    return json;
  }

  /** Pages served from the cache since the start, for /metrics. */
  public long hits() {
    return hits.sum();
  }

  /** Pages the cache did not have (so rendered) since the start, for /metrics. */
  public long misses() {
    return misses.sum();
  }

  private byte[] lookup(String key, long head) {
    if (answers == null) {
      return null;
    }
    Answer answer = answers.getIfPresent(key);
    return answer == null
            || answer.head() != head
            || System.nanoTime() - answer.born() > LIFETIME.toNanos()
        ? null
        : answer.json();
  }

  /** Keeps a page rendered at {@code head} (read before rendering began). */
  void put(String key, long head, byte[] json) {
    if (answers != null) {
      answers
          .asMap()
          .merge(
              key,
              new Answer(json, head, System.nanoTime()),
              // A rendering that finished late must not replace one of a later position.
              (kept, made) -> kept.head() > made.head() ? kept : made);
    }
  }
}
