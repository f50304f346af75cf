package vn.storybank.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import vn.storybank.core.persistence.DatabaseSettings;

/**
 * Real databases for tests: an H2 file in a temporary folder, or a fresh database on one real
 * PostgreSQL server started from Maven artifacts for the whole test JVM.
 */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  public static DatabaseSettings h2(Path dir) {
    return DatabaseSettings.embeddedH2(dir);
  }

  /** A new, empty PostgreSQL database. */
  public static synchronized DatabaseSettings postgres() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopPostgres));
      }
      String name = "storybank_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create database " + name);
      }
      return new DatabaseSettings(postgres.getJdbcUrl("postgres", name), "postgres", "", 10);
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    } catch (SQLException e) {
      throw new IllegalStateException("Creating a test database failed", e);
    }
  }

  /** The settings of a database of the named kind ("h2" or "postgres"). */
  public static DatabaseSettings of(String kind, Path dir) {
    return switch (kind) {
      case "h2" -> h2(dir);
      case "postgres" -> postgres();
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static synchronized void stopPostgres() {
    try {
      if (postgres != null) {
        postgres.close();
      }
    } catch (IOException e) {
      // The JVM is exiting; the server's folder is temporary.
    }
  }
}
