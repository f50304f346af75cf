package vn.storybank.core.persistence;

import java.nio.file.Path;

/**
 * Where the database is. With no URL, Storybank uses an H2 file under the data directory; a
 * PostgreSQL URL switches to PostgreSQL (several nodes may share it).
 */
public record DatabaseSettings(String url, String user, String password, int maxPoolSize) {

  /** The embedded default: an H2 file database in {@code dataDir/db}. */
  public static DatabaseSettings embeddedH2(Path dataDir) {
    Path file = dataDir.toAbsolutePath().resolve("db").resolve("storybank");
    return new DatabaseSettings(
        "jdbc:h2:file:" + file + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE", "sa", "", 10);
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }
}
