package vn.storybank.core.persistence;

import java.nio.file.Path;

/**
 * Where the database is. With no URL, Storybank uses an H2 file under the data directory; a
 * PostgreSQL URL switches to PostgreSQL (several nodes may share it).
 */
public record DatabaseSettings(String url, String user, String password, int maxPoolSize) {
  public static final int DEFAULT_MAX_POOL_SIZE = 10;

  /**
   * The embedded default: an H2 file database in {@code dataDir/db}, opened through H2's {@code
   * async:} file system. A plain {@code file:} channel closes for every thread when one thread is
   * interrupted during a read or write, and H2 then reports the database closed or even corrupted;
   * Payara interrupts request threads that run longer than its request timeout (15 minutes), which
   * a large import can. An asynchronous file channel is not closed by interrupts. ({@code retry:},
   * which reopens the channel, was tried first: under load another thread's statement could still
   * fail with an OverlappingFileLockException while the channel was reopened.)
   */
  public static DatabaseSettings embeddedH2(Path dataDir) {
    Path file = dataDir.toAbsolutePath().resolve("db").resolve("storybank");
    return new DatabaseSettings(
        "jdbc:h2:async:" + file + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE",
        "sa",
        "",
        DEFAULT_MAX_POOL_SIZE);
  }

  public boolean isH2() {
    return url.startsWith("jdbc:h2:");
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }
}
