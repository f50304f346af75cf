package vn.storybank.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.storybank.core.Storybank;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.testing.TestDatabases;

/**
 * The audit listing with its filters combined and paged by {@code before}: each answer is checked
 * against the same rules applied in Java to the rows as stored, newest first.
 */
class AuditFindIT {
  private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
  private static final String[] USERS = {"chi", "lan", "minh"};
  private static final String[] ACTIONS = {AuditLog.PUBLISH, AuditLog.DELETE, AuditLog.LOGIN};
  private static final String[] TENANTS = {"lao-cai", "ha-giang", null};

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void filtersCombineAndPagesGoBackInTime(String database, @TempDir Path dir) {
    try (Storybank storybank =
        Storybank.start(TestDatabases.of(database, dir), Clock.systemUTC())) {
      Transactions transactions = storybank.database().transactions();
      transactions.write(
          em -> {
            for (int i = 0; i < 40; i++) {
              em.persist(
                  new AuditEvent(
                      START.plus(Duration.ofMinutes(i / 2)),
                      USERS[i % 3],
                      ACTIONS[(i / 3) % 3],
                      TENANTS[(i / 2) % 3],
                      "target " + i,
                      null,
                      null));
            }
            return null;
          });
      List<AuditView> all =
          transactions.read(em -> AuditLog.find(em, query(null, null, null, null, null, null)));
      assertEquals(40, all.size(), "every row when nothing filters (ask for more than there are)");

      Instant from = START.plus(Duration.ofMinutes(4));
      Instant to = START.plus(Duration.ofMinutes(15));
      List<AuditLog.Query> queries =
          List.of(
              query("chi", null, null, null, null, null),
              query(null, AuditLog.DELETE, "lao-cai", null, null, null),
              query("lan", AuditLog.PUBLISH, null, from, null, null),
              query(null, null, null, from, to, null),
              query("minh", null, null, null, to, List.of("lao-cai", "ha-giang")),
              query(null, AuditLog.LOGIN, "ha-giang", from, to, List.of("ha-giang")),
              query(null, null, "lao-cai", null, null, List.of("ha-giang")),
              query(null, null, null, null, null, List.of("lao-cai")),
              query(null, null, null, null, null, List.of()));
      for (AuditLog.Query q : queries) {
        List<Long> expected = expected(all, q);
        assertEquals(expected, pages(transactions, q, 1000), q.toString());
        assertEquals(expected, pages(transactions, q, 3), q + " by pages of 3");
      }
    }
  }

  private static AuditLog.Query query(
      String user, String action, String tenant, Instant from, Instant to, List<String> tenants) {
    return new AuditLog.Query(user, action, tenant, from, to, tenants, null, 1000);
  }

  /** Follows {@code before} from page to page, the way the audit resource does. */
  private static List<Long> pages(Transactions transactions, AuditLog.Query q, int limit) {
    List<Long> seen = new ArrayList<>();
    Long before = null;
    while (true) {
      AuditLog.Query page =
          new AuditLog.Query(
              q.user(), q.action(), q.tenant(), q.from(), q.to(), q.tenants(), before, limit);
      List<AuditView> rows = transactions.read(em -> AuditLog.find(em, page));
      rows.stream().limit(limit).forEach(r -> seen.add(r.seq()));
      if (rows.size() <= limit) {
        return seen;
      }
      before = rows.get(limit - 1).seq();
    }
  }

  private static List<Long> expected(List<AuditView> all, AuditLog.Query q) {
    return all.stream()
        .filter(r -> q.user() == null || q.user().equals(r.user()))
        .filter(r -> q.action() == null || q.action().equals(r.action()))
        .filter(r -> q.tenant() == null || q.tenant().equals(r.tenant()))
        .filter(
            r -> q.tenants() == null || (r.tenant() != null && q.tenants().contains(r.tenant())))
        .filter(r -> q.from() == null || !r.at().isBefore(q.from()))
        .filter(r -> q.to() == null || r.at().isBefore(q.to()))
        .sorted(Comparator.comparingLong(AuditView::seq).reversed())
        .map(AuditView::seq)
        .toList();
  }
}
