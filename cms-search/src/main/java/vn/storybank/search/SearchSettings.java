package vn.storybank.search;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How this node keeps its index.
 *
 * @param directory where the index generations live (one directory each, and a {@code current} file
 *     naming the live one)
 * @param ramBufferMb the index writer's buffer before it flushes a segment (four times this during
 *     a full rebuild's bulk load)
 * @param pollInterval how often the follower asks the change log for news when idle
 * @param commitInterval how often applied changes are committed (made durable) at the most; they
 *     are searchable before that, from the writer's near-real-time reader
 * @param rebuildThreads threads that analyse documents during a full rebuild, and when the follower
 *     catches up with more changes than one page of entries
 * @param queryThreads threads one query's index segments are searched on, and its page of hits read
 *     in slices, side by side (1: the caller's thread only)
 */
public record SearchSettings(
    Path directory,
    int ramBufferMb,
    Duration pollInterval,
    Duration commitInterval,
    int rebuildThreads,
    int queryThreads) {
  public static final int DEFAULT_RAM_BUFFER_MB = 64;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(1);
  public static final int DEFAULT_REBUILD_THREADS = 2;

  public static SearchSettings defaults(Path directory) {
    return new SearchSettings(
        directory,
        DEFAULT_RAM_BUFFER_MB,
        DEFAULT_POLL_INTERVAL,
        DEFAULT_COMMIT_INTERVAL,
        DEFAULT_REBUILD_THREADS,
        Runtime.getRuntime().availableProcessors());
  }
}
