package vn.storybank.core.changelog;

import jakarta.persistence.EntityManager;
import java.util.List;

/** Every query that reads the change log, in the transaction of the entity manager it is given. */
final class ChangeQueries {
  private final EntityManager em;

  ChangeQueries(EntityManager em) {
    this.em = em;
  }

  /** The counter's last sequence number, 0 when there is no counter row. */
  long lastSeq() {
    return em.createQuery("select c.lastSeq from ChangeCounter c where c.id = :id", Long.class)
        .setParameter("id", ChangeCounter.ID)
        .getResultStream()
        .findFirst()
        .orElse(0L);
  }

  /**
   * Up to {@code limit} committed changes after {@code afterSeq}, oldest first; one tenant's, or
   * every tenant's when null. Two fixed statements rather than one assembled per call: followers
   * ask this all the time, and each keeps its cached plan.
   */
  List<ChangeLogEntry> after(String tenant, long afterSeq, int limit) {
    if (tenant == null) {
      return em.createQuery(
              "select c from ChangeLogEntry c where c.seq > :after order by c.seq",
              ChangeLogEntry.class)
          .setParameter("after", afterSeq)
          .setMaxResults(limit)
          .getResultList();
    }
    return em.createQuery(
            "select c from ChangeLogEntry c where c.seq > :after and c.tenant = :tenant"
                + " order by c.seq",
            ChangeLogEntry.class)
        .setParameter("after", afterSeq)
        .setParameter("tenant", tenant)
        .setMaxResults(limit)
        .getResultList();
  }
}
