package vn.storybank.search;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import vn.storybank.core.snapshot.EntrySnapshot;

/**
 * A full rebuild's bulk load: one thread reads every entry page by page while the others analyse
 * and add the pages. The follower catches up with a large batch of changes the same way ({@link
 * #pipeline}). Apart from {@link SearchIndex#rebuild}, the indexing benchmark runs it on a
 * generated corpus, to measure the indexing side without the database.
 */
final class BulkLoad {
  /** Entries read from the database at once (here, and by the follower). */
  static final int ENTRIES_PER_PAGE = 200;

  /** A bulk load flushes fewer, larger segments with a larger buffer, and so merges less. */
  private static final int BUFFER_FACTOR = 4;

  /** The entries with ids after the given one (null: from the first), in id order. */
  interface Pages {
    List<EntrySnapshot> after(UUID id, int limit);
  }

  private BulkLoad() {}

  /** Adds every entry of {@code pages} to a generation known to be empty; returns how many. */
  static long fill(IndexGeneration generation, Pages pages, SearchSettings settings) {
    generation.ramBuffer(settings.ramBufferMb() * BUFFER_FACTOR);
    long count = fill(generation::add, pages, settings.rebuildThreads());
    generation.ramBuffer(settings.ramBufferMb());
    return count;
  }

  /** Hands every page to {@code sink}, on {@code threads} threads; returns how many entries. */
  static long fill(Consumer<List<EntrySnapshot>> sink, Pages pages, int threads) {
    long[] count = {0};
    UUID[] after = {null};
    pipeline(
        () -> {
          List<EntrySnapshot> page = pages.after(after[0], ENTRIES_PER_PAGE);
          if (page.isEmpty()) {
            return null;
          }
          count[0] += page.size();
          after[0] = page.get(page.size() - 1).id();
          return page;
        },
        sink,
        threads);
    return count[0];
  }

  /**
   * Reads with {@code read} on this thread until it returns null, while {@code threads} threads
   * hand what it read to {@code sink}: the database is read while text is analysed. A failing sink
   * stops the reading; its exception is thrown once every thread has finished.
   */
  static <T> void pipeline(Supplier<T> read, Consumer<T> sink, int threads) {
    int workers = Math.max(1, threads);
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(workers * 2);
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      done.add(
          pool.submit(
              () -> {
                Object item;
                while ((item = take(queue)) != END) {
                  if (failure.get() != null) {
                    continue; // drained, so that the reader never waits for a full queue
                  }
                  try {
                    @SuppressWarnings("unchecked")
                    T value = (T) item;
                    sink.accept(value);
                  } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                  }
                }
                queue.add(END);
                return null;
              }));
    }
    try {
      T item;
      while (failure.get() == null && (item = read.get()) != null) {
        put(queue, item);
      }
    } finally {
      put(queue, END);
      pool.shutdown();
    }
    for (Future<?> future : done) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while indexing", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("Indexing failed", e.getCause());
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  private static final Object END = new Object();

  private static Object take(BlockingQueue<Object> queue) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return END;
    }
  }

  private static void put(BlockingQueue<Object> queue, Object item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while rebuilding the search index", e);
    }
  }
}
