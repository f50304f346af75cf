package vn.storybank.web.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import vn.storybank.core.channel.ChannelView;

/**
 * Rendered feed pages and playlists of this node, reused while nothing was written: an entry is
 * valid only for the change-log position it was rendered at, so any committed write (an entry, a
 * term, the channel itself) retires every entry at the next request. Changes that need no write (a
 * licence running out) are bounded by a 5-second lifetime. Caffeine bounds the number of entries
 * and chooses which go when it is full (by how recently and how often they were asked for).
 *
 * <p>One request renders a missing entry; the others asking for it at the same moment wait for that
 * rendering instead of repeating it (at 32 connections every expiry otherwise started 32 identical
 * renderings at once, which took the two cores for hundreds of milliseconds). An entry past its
 * lifetime, with nothing written since, is refreshed by one request while the others are still
 * served the old one, for the few milliseconds the refresh takes.
 *
 * <p>Why not Caffeine's own loading and expiry: its loader gets the key alone, but a rendering
 * needs the request (its channel key is checked while rendering) and must run on the request's
 * thread; and its refresh-after-write serves the old entry only through that loader. So the cache
 * keeps, per key, the last answer and the rendering under way, and a rendering is started by an
 * atomic compute on the key: the one-load-per-key part, without a lock held while rendering.
 */
public final class DeliveryCache {
  private static final Duration LIFETIME = Duration.ofSeconds(5);
  private final long lifetimeNanos;
  // Null when the cache is off (capacity 0): every request renders.
  private final Cache<String, Slot> slots;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /** A rendered answer, the channel it was rendered for, and the locale it served. */
  record Cached(
      Representation representation, ChannelView channel, String locale, long head, long born) {}

  /**
   * What the cache keeps for a key: the answer rendered last (null until one is), and the rendering
   * under way with the change-log position it renders (null when none is).
   */
  private record Slot(Cached answer, CompletableFuture<Cached> rendering, long renderingHead) {
    boolean rendering(long head) {
      return rendering != null && renderingHead == head;
    }
  }

  public DeliveryCache(int capacity) {
    this(capacity, LIFETIME);
  }

  DeliveryCache(int capacity, Duration lifetime) {
    this.lifetimeNanos = lifetime.toNanos();
    this.slots =
        capacity == 0
            ? null
            : Caffeine.newBuilder()
                .maximumSize(capacity)
                // Evictions are done by the requests themselves: no pool threads in the server.
                .executor(Runnable::run)
                .build();
  }

  /**
   * The entry for the key if it was rendered at this change-log position: recently enough, or while
   * another request refreshes it. Null when this request has to {@link #render} it.
   */
  Cached get(String key, long head) {
    Cached cached = lookup(key, head);
    (cached == null ? misses : hits).increment();
    return cached;
  }

  /** Answers served from the cache since the start, for /metrics. */
  public long hits() {
    return hits.sum();
  }

  /** Answers the cache did not have (so rendered, or waited for) since the start, for /metrics. */
  public long misses() {
    return misses.sum();
  }

  private Cached lookup(String key, long head) {
    if (slots == null) {
      return null;
    }
    Slot slot = slots.getIfPresent(key);
    if (slot == null || slot.answer() == null || slot.answer().head() != head) {
      return null;
    }
    if (System.nanoTime() - slot.answer().born() <= lifetimeNanos || slot.rendering(head)) {
      return slot.answer();
    }
    return null;
  }

  /**
   * Renders the entry, or waits for the request already rendering it for this position, and keeps
   * it. The renderer runs in the calling thread or not at all; a failure reaches everyone who
   * waited for it as it was thrown, and nothing is kept.
   */
  Cached render(String key, long head, Supplier<Cached> renderer) {
    if (slots == null) {
      return renderer.get();
    }
    CompletableFuture<Cached> mine = new CompletableFuture<>();
    Slot slot =
        slots
            .asMap()
            .compute(
                key,
                (k, old) ->
                    old != null && old.rendering(head)
                        ? old
                        : new Slot(old == null ? null : old.answer(), mine, head));
    if (slot.rendering() != mine) {
      return waitFor(slot.rendering());
    }
    Cached made;
    try {
      made = renderer.get();
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      slots.asMap().computeIfPresent(key, (k, now) -> withoutRendering(now, mine, now.answer()));
      throw e;
    }
    mine.complete(made);
    slots.asMap().compute(key, (k, now) -> withoutRendering(now, mine, newer(made, now)));
    return made;
  }

  /** The slot with {@code answer}, and without this rendering (another one may have begun). */
  private static Slot withoutRendering(Slot now, CompletableFuture<Cached> mine, Cached answer) {
    boolean mineRuns = now == null || now.rendering() == mine;
    if (mineRuns && answer == null) {
      return null;
    }
    return mineRuns
        ? new Slot(answer, null, 0)
        : new Slot(answer, now.rendering(), now.renderingHead());
  }

  /** A rendering that finished late must not replace an answer of a later position. */
  private static Cached newer(Cached made, Slot now) {
    Cached kept = now == null ? null : now.answer();
    return kept != null && kept.head() > made.head() ? kept : made;
  }

  private static Cached waitFor(CompletableFuture<Cached> rendering) {
    try {
      return rendering.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
