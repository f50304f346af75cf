package vn.storybank.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.Storybank;
import vn.storybank.core.testing.TestClock;
import vn.storybank.core.testing.TestDatabases;

/**
 * Two nodes in one JVM (as the tests run them) each stamp their audit rows with their own clock.
 */
class AuditClockIT {
  private static final Instant FIRST = Instant.parse("2020-01-01T00:00:00Z");
  private static final Instant SECOND = Instant.parse("2030-01-01T00:00:00Z");

  @TempDir Path first;
  @TempDir Path second;

  @Test
  void eachCoreStampsItsAuditRowsWithItsOwnClock() {
    try (Storybank a = Storybank.start(TestDatabases.h2(first), new TestClock(FIRST));
        Storybank b = Storybank.start(TestDatabases.h2(second), new TestClock(SECOND))) {
      // Built after a: with one clock per JVM, a's rows were stamped with b's time.
      a.users().ensureAdmin(Optional.of("mây trắng Sa Pa 2026"));
      a.sessions().startSession(Actor.SUPER_ADMIN_NAME, "not the password at all");
      b.users().ensureAdmin(Optional.of("mây trắng Sa Pa 2026"));
      b.sessions().startSession(Actor.SUPER_ADMIN_NAME, "not the password at all");
      assertEquals(List.of(FIRST), auditTimes(a));
      assertEquals(List.of(SECOND), auditTimes(b));
    }
  }

  private static List<Instant> auditTimes(Storybank core) {
    return core.database()
        .transactions()
        .read(
            em ->
                em.createQuery("select distinct a.at from AuditEvent a", Instant.class)
                    .getResultList());
  }
}
