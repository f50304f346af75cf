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
import java.util.function.Consumer;
import vn.storybank.core.snapshot.EntrySnapshot;

/**
 * A full rebuild's bulk load: one thread reads every entry page by page while the others analyse
 * and add the pages. Apart from {@link SearchIndex#rebuild}, the indexing benchmark runs it on a
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
    int workers = Math.max(1, threads);
    BlockingQueue<List<EntrySnapshot>> queue = new ArrayBlockingQueue<>(workers * 2);
    List<EntrySnapshot> end = List.of();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      done.add(
          pool.submit(
              () -> {
                List<EntrySnapshot> page;
                while ((page = take(queue)) != end) {
                  sink.accept(page);
                }
                queue.add(end);
                return null;
              }));
    }
    long count = 0;
    try {
      UUID after = null;
      while (true) {
        List<EntrySnapshot> page = pages.after(after, ENTRIES_PER_PAGE);
        if (page.isEmpty()) {
          break;
        }
        count += page.size();
        after = page.get(page.size() - 1).id();
        put(queue, page);
      }
    } finally {
      put(queue, end);
      pool.shutdown();
    }
    for (Future<?> future : done) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while rebuilding the search index", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("Rebuilding the search index failed", e.getCause());
      }
    }
    return count;
  }

  private static List<EntrySnapshot> take(BlockingQueue<List<EntrySnapshot>> queue) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private static void put(BlockingQueue<List<EntrySnapshot>> queue, List<EntrySnapshot> page) {
    try {
      queue.put(page);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while rebuilding the search index", e);
    }
  }
}
