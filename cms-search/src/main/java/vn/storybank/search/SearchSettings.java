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
 * @param rebuildThreads threads that analyse documents during a full rebuild
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

  public static SearchSettings defaults(Path directory) {
    return new SearchSettings(
        directory,
        64,
        Duration.ofMillis(100),
        Duration.ofSeconds(1),
        2,
        Runtime.getRuntime().availableProcessors());
  }
}
