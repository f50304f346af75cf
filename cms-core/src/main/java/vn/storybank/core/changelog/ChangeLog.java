package vn.storybank.core.changelog;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.action.spi.AfterTransactionCompletionProcess;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * The append-only log of every write, written in the write's own transaction.
 *
 * <p>Sequence numbers come from one counter row locked with {@code SELECT … FOR UPDATE}; the lock
 * is held until the writing transaction ends. A second writer therefore gets its number only after
 * the first has committed (or rolled back, giving the number back), so sequence order is commit
 * order and there are no gaps. A follower that reads "everything after the last number I saw" can
 * never skip a row that commits later with a smaller number. The price is that writers serialise on
 * the counter for the tail of their transaction, which a CMS's write rate easily affords; see
 * docs/ARCHITECTURE.md.
 */
public final class ChangeLog {
  private final Clock clock;
  private final AtomicLong committedHere = new AtomicLong();

  public ChangeLog(Clock clock) {
    this.clock = clock;
  }

  /** The clock the log stamps its entries with, so that writes stamp their audit rows alike. */
  public Clock clock() {
    return clock;
  }

  /** Appends in the caller's transaction; must be the caller's last statement before commit. */
  public long append(EntityManager em, Change change, String by) {
    ChangeCounter counter =
        em.find(ChangeCounter.class, ChangeCounter.ID, LockModeType.PESSIMISTIC_WRITE);
    long seq = counter.next();
    em.persist(new ChangeLogEntry(seq, change, clock.instant(), by));
    em.unwrap(SessionImplementor.class)
        .getActionQueue()
        .registerProcess(
            (AfterTransactionCompletionProcess)
                (committed, session) -> {
                  if (committed) {
                    committedHere.accumulateAndGet(seq, Math::max);
                  }
                });
    return seq;
  }

  /**
   * The highest sequence number this node has committed, raised right after each commit (0 before
   * the first): what this node wrote is in the head before the writer's request returns.
   */
  long committedHere() {
    return committedHere.get();
  }

  /**
   * The sequence number of the last committed change, 0 when there is none: the counter row, one
   * primary-key read. Every delivery request asks this; H2 answers {@code order by seq desc} on the
   * log with a table scan (600,000 rows after a large import). The counter commits with its row, so
   * an unlocked read sees exactly the last committed number.
   */
  public static long head(EntityManager em) {
    return new ChangeQueries(em).lastSeq();
  }

  /** Committed changes after {@code afterSeq}, oldest first; one tenant's, or all when null. */
  public List<ChangeView> after(EntityManager em, String tenant, long afterSeq, int limit) {
    return new ChangeQueries(em)
        .after(tenant, afterSeq, limit).stream().map(ChangeLogEntry::view).toList();
  }
}
