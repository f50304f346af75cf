package vn.storybank.core.changelog;

import java.util.List;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Actor;
import vn.storybank.core.account.Tenants;
import vn.storybank.core.persistence.Transactions;

/** Reads the change log for followers: search indexing, webhooks, partner sync, scripts. */
public final class ChangeService implements ChangeFeed {
  private final Transactions transactions;
  private final Tenants tenants;
  private final ChangeLog changeLog;
  static final java.time.Duration POLL = java.time.Duration.ofMillis(250);
  // Racing refreshes are harmless: each stores a head that was true when it was read.
  private volatile long polled;
  private volatile long polledAt;

  public ChangeService(Transactions transactions, Tenants tenants, ChangeLog changeLog) {
    this.transactions = transactions;
    this.tenants = tenants;
    this.changeLog = changeLog;
    this.polledAt = System.nanoTime() - POLL.toNanos();
  }

  /**
   * One tenant's committed changes after a sequence number, oldest first; needs {@link
   * Action#CHANGE_LOG} in the tenant.
   */
  public List<ChangeView> after(String tenant, long afterSeq, int limit, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.CHANGE_LOG);
          tenants.require(em, tenant);
          return changeLog.after(em, tenant, afterSeq, limit);
        });
  }

  /** Every tenant's committed changes after a sequence number, oldest first. */
  @Override
  public List<ChangeView> afterAll(long afterSeq, int limit) {
    return transactions.read(em -> changeLog.after(em, null, afterSeq, limit));
  }

  /** The sequence number of the last committed change, 0 when there is none. */
  @Override
  public long head() {
    return transactions.read(ChangeLog::head);
  }

  /**
   * The head for caches of what readers see, without a database read on most calls: exact for this
   * node's own commits (so a writer reads its writes), at most {@link #POLL} old for other nodes'
   * (several nodes on one PostgreSQL). Never ahead of the true head.
   */
  public long recentHead() {
    long now = System.nanoTime();
    if (now - polledAt >= POLL.toNanos()) {
      polled = head();
      polledAt = now;
    }
    return Math.max(polled, changeLog.committedHere());
  }

  /** The entity classes of this package, for the persistence unit. */
  public static List<Class<?>> entityClasses() {
    return List.of(ChangeLogEntry.class, ChangeCounter.class);
  }
}
