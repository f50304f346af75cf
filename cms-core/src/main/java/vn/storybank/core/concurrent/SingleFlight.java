package vn.storybank.core.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Work done once per key for everyone who asks for it at the same moment: the first caller runs it
 * on its own thread, the others wait for its result, or get its exception as it was thrown. Nothing
 * is remembered afterwards; callers keep results where they belong (a blob store, a cache).
 */
public final class SingleFlight<T> {
  private final ConcurrentMap<String, CompletableFuture<T>> running = new ConcurrentHashMap<>();

  public T run(String key, Supplier<T> work) {
    CompletableFuture<T> mine = new CompletableFuture<>();
    CompletableFuture<T> other = running.putIfAbsent(key, mine);
    if (other != null) {
      try {
        return other.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    try {
      T result = work.get();
      mine.complete(result);
      return result;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      running.remove(key, mine);
    }
  }

  /** Whether someone is running the work of this key now. */
  public boolean isRunning(String key) {
    return running.containsKey(key);
  }
}
