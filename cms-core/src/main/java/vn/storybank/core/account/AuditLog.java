package vn.storybank.core.account;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends to the audit log in the caller's transaction, so that a row exists exactly when what it
 * records committed. There is deliberately no method that changes or removes a row.
 */
public final class AuditLog {
  public static final String LOGIN = "login";
  public static final String LOGIN_FAILED = "login-failed";
  public static final String LOGIN_THROTTLED = "login-throttled";
  public static final String PUBLISH = "publish";
  public static final String UNPUBLISH = "unpublish";
  public static final String DELETE = "delete";
  public static final String USER_CREATED = "user-created";
  public static final String ROLES_CHANGED = "roles-changed";
  public static final String MEMBER_REMOVED = "member-removed";
  public static final String TOKEN_ISSUED = "token-issued";
  public static final String TOKEN_REVOKED = "token-revoked";
  public static final String PASSWORD_CHANGED = "password-changed";
  public static final String PASSWORD_RESET = "password-reset";
  public static final String BRAND_KIT_CHANGED = "brand-kit-changed";

  private AuditLog() {}

  /** Stamps the row with the caller's clock: the one the core was assembled with. */
  public static void record(
      EntityManager em,
      Clock clock,
      String user,
      String action,
      String tenant,
      String target,
      String detail) {
    em.persist(
        new AuditEvent(clock.instant(), user, action, tenant, target, Origin.address(), detail));
  }

  /** Filters of an audit listing; null means any. {@code tenants} null means every tenant. */
  record Query(
      String user,
      String action,
      String tenant,
      Instant from,
      Instant to,
      List<String> tenants,
      Long before,
      int limit) {}

  /** Newest first; one row more than the limit tells that there is a next page. */
  static List<AuditView> find(EntityManager em, Query q) {
    StringBuilder jpql = new StringBuilder("select a from AuditEvent a where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (q.user() != null) {
      jpql.append(" and a.username = :user");
      params.put("user", q.user());
    }
    if (q.action() != null) {
      jpql.append(" and a.action = :action");
      params.put("action", q.action());
    }
    if (q.tenant() != null) {
      jpql.append(" and a.tenant = :tenant");
      params.put("tenant", q.tenant());
    }
    if (q.tenants() != null) {
      if (q.tenants().isEmpty()) {
        return List.of();
      }
      jpql.append(" and a.tenant in :tenants");
      params.put("tenants", q.tenants());
    }
    if (q.from() != null) {
      jpql.append(" and a.at >= :from");
      params.put("from", q.from());
    }
    if (q.to() != null) {
      jpql.append(" and a.at < :to");
      params.put("to", q.to());
    }
    if (q.before() != null) {
      jpql.append(" and a.seq < :before");
      params.put("before", q.before());
    }
    jpql.append(" order by a.seq desc");
    TypedQuery<AuditEvent> query = em.createQuery(jpql.toString(), AuditEvent.class);
    params.forEach(query::setParameter);
    List<AuditView> rows = new ArrayList<>();
    query.setMaxResults(q.limit() + 1).getResultList().forEach(e -> rows.add(e.view()));
    return rows;
  }
}
