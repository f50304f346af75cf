package vn.storybank.core.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.function.Function;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;

/**
 * Runs work in one database transaction: everything it wrote commits together, or nothing does. A
 * write that hits a lock timeout or a deadlock is tried {@link #ATTEMPTS} times in all (two
 * retries), since those say nothing about the request.
 */
public final class Transactions {
  private static final int ATTEMPTS = 3;

  /** A row keyed by an entry's revision; see {@link #isVersionedRow}. */
  private static final java.util.regex.Pattern VERSIONED_INSERT =
      java.util.regex.Pattern.compile(
          "\\s*insert\\s+into\\s+(?:\\w+\\.)?translation(?:_revision)?\\s*\\(",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private final EntityManagerFactory entityManagerFactory;
  private final CommitFlush commitFlush;

  Transactions(EntityManagerFactory entityManagerFactory, CommitFlush commitFlush) {
    this.entityManagerFactory = entityManagerFactory;
    this.commitFlush = commitFlush;
  }

  public <T> T write(Function<EntityManager, T> work) {
    for (int attempt = 1; ; attempt++) {
      T result;
      try {
        result = once(work, false);
      } catch (RuntimeException e) {
        if (!isTransient(e)) {
          throw translate(e);
        }
        if (attempt == ATTEMPTS) {
          throw new StorybankException(
              ErrorKind.UNAVAILABLE,
              "The database is busy with other writes to the same data; try again in a moment.");
        }
        continue;
      }
      commitFlush.afterCommit();
      return result;
    }
  }

  public <T> T read(Function<EntityManager, T> work) {
    try {
      return once(work, true);
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  private <T> T once(Function<EntityManager, T> work, boolean readOnly) {
    EntityManager em = entityManagerFactory.createEntityManager();
    try {
      if (readOnly) {
        em.setProperty("org.hibernate.readOnly", true);
      }
      EntityTransaction tx = em.getTransaction();
      tx.begin();
      try {
        T result = work.apply(em);
        if (readOnly) {
          tx.rollback();
        } else {
          tx.commit();
        }
        return result;
      } finally {
        if (tx.isActive()) {
          tx.rollback();
        }
      }
    } finally {
      em.close();
    }
  }

  private static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LockTimeoutException
          || t instanceof PessimisticLockException
          || t instanceof LockAcquisitionException) {
        return true;
      }
      if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTransientState(String sqlState) {
    // 40001 serialization failure, 40P01 deadlock (PostgreSQL); HYT00 lock timeout (H2).
    return "40001".equals(sqlState) || "40P01".equals(sqlState) || "HYT00".equals(sqlState);
  }

  private static RuntimeException translate(RuntimeException e) {
    if (e instanceof StorybankException) {
      return e;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException
          || t instanceof org.hibernate.StaleStateException
          || (t instanceof ConstraintViolationException cve && isVersionedRow(cve))) {
        return new StorybankException(
            ErrorKind.STALE_VERSION,
            "Someone else changed this entry at the same time; reload it and apply your change"
                + " again.");
      }
      if (t instanceof ConstraintViolationException cve) {
        return StorybankException.conflict(
            "The change conflicts with existing data (" + constraintName(cve) + ").");
      }
    }
    return e;
  }

  /**
   * Whether the refused row is keyed by an entry's revision: a translation (entry, locale) or a
   * kept revision (entry, locale, number). Two writers that both started from the same version of
   * an entry insert the same key; the first commits and the second lost a race on the version,
   * which clients retry on 412. The statement, not the constraint's name, tells: H2 names primary
   * keys itself ({@code primary_key_8}).
   */
  private static boolean isVersionedRow(ConstraintViolationException e) {
    String sql = e.getSQL();
    if (sql == null) {
      return false;
    }
    return VERSIONED_INSERT.matcher(sql).lookingAt();
  }

  private static String constraintName(ConstraintViolationException e) {
    String name = e.getConstraintName();
    return name == null ? "a uniqueness rule" : name.toLowerCase(java.util.Locale.ROOT);
  }
}
