package vn.storybank.core.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread interrupted while H2 reads or writes (Payara interrupts requests past its timeout) must
 * not close or corrupt the embedded database for everyone else. With a plain {@code file:} URL this
 * test ends with "IO Exception", "database has been closed", "File corrupted" or a hang.
 */
class EmbeddedH2InterruptIT {
  @TempDir Path dir;

  @Test
  // A closed channel can also leave H2 waiting forever: fail then, instead of hanging the build.
  @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void interruptingAWorkingThreadLeavesTheDatabaseWhole() throws Exception {
    DatabaseSettings settings = DatabaseSettings.embeddedH2(dir);
    try (Connection c = connect(settings);
        Statement s = c.createStatement()) {
      s.execute("create table t (id int primary key, v varchar(2000))");
      s.execute("insert into t select x, repeat('x', 1000) from system_range(1, 20000)");
    }
    List<String> failures = new CopyOnWriteArrayList<>();
    Thread worker =
        new Thread(
            () -> {
              for (int i = 0; i < 30; i++) {
                try (Connection c = connect(settings);
                    Statement s = c.createStatement()) {
                  s.execute("update t set v = repeat('y', 1000) where mod(id, 7) = " + (i % 7));
                  s.executeQuery("select count(*) from t where v like '%z%'").close();
                } catch (SQLException e) {
                  // An interrupted statement may fail; what matters is that nothing else breaks.
                  if (!String.valueOf(e.getMessage()).contains("InterruptedException")) {
                    failures.add(e.getMessage().lines().findFirst().orElse(""));
                  }
                }
                Thread.interrupted();
              }
            });
    worker.setDaemon(true);
    worker.start();
    for (int i = 0; i < 40 && worker.isAlive(); i++) {
      Thread.sleep(20);
      worker.interrupt();
    }
    worker.join();

    assertEquals(List.of(), failures);
    try (Connection c = connect(settings);
        Statement s = c.createStatement();
        ResultSet count = s.executeQuery("select count(*) from t")) {
      count.next();
      assertEquals(20000, count.getInt(1));
    }
  }

  private static Connection connect(DatabaseSettings settings) throws SQLException {
    return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
  }
}
