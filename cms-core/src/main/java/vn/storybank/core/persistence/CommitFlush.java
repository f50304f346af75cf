package vn.storybank.core.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Makes a commit durable before it is acknowledged, on the embedded H2 database.
 *
 * <p>H2's MVStore keeps committed changes in memory and writes them to its file later (its write
 * delay, 500 ms by default), so a {@code kill -9} lost writes already answered 201. After every
 * write transaction, a {@code CHECKPOINT} writes what is committed to the file (the operating
 * system's cache, which a killed process cannot lose; H2 does not sync it). Commits that finish
 * while a checkpoint runs share the next one (group commit), so concurrent writers pay for one file
 * write between them, not one each. A write transaction that changed nothing (a token check that
 * had nothing to audit) costs a checkpoint with nothing to write: about 2 µs in H2.
 *
 * <p>Why not H2's own {@code WRITE_DELAY 0}: it made every commit write, but it also moved
 * MVStore's page writing from its background thread into the committing thread, and large
 * transactions (imports commit 1,000 lines at a time) became 2 to 3 times slower; a checkpoint
 * after the commit leaves that background work alone (docs/BENCHMARKS.md). PostgreSQL needs none of
 * this: its commit returns after its log is synced.
 */
final class CommitFlush {
  static final CommitFlush NONE = new CommitFlush(null);

  private final DataSource h2;
  private final AtomicLong committed = new AtomicLong();
  private final Object flushing = new Object();
  private long flushedUpTo; // guarded by flushing

  private CommitFlush(DataSource h2) {
    this.h2 = h2;
  }

  static CommitFlush checkpointing(DataSource h2) {
    return new CommitFlush(h2);
  }

  /** Called after a write transaction committed, before its result is returned. */
  void afterCommit() {
    if (h2 == null) {
      return;
    }
    long ticket = committed.incrementAndGet();
    // The connection is taken before the lock, so that no thread waits for the pool while holding
    // it.
    try (Connection connection = h2.getConnection()) {
      synchronized (flushing) {
        if (flushedUpTo >= ticket) {
          return; // a checkpoint that began after this commit has written it
        }
        long upTo = committed.get();
        try (Statement statement = connection.createStatement()) {
          statement.execute("CHECKPOINT");
        }
        connection.commit();
        flushedUpTo = upTo;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The change was committed but H2 could not write it to its file: " + e.getMessage(), e);
    }
  }
}
