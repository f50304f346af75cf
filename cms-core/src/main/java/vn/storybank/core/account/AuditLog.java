package vn.storybank.core.account;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends to the audit log in the caller's transaction, so that a row exists exactly when what it
 * records committed. There is deliberately no method that changes or removes a row.
 */
public final class AuditLog {
  public static final String LOGIN = "login";
  public static final String LOGIN_FAILED = "login-failed";
  public static final String LOGIN_THROTTLED = "login-throttled";
  public static final String LOGOUT = "logout";
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
  // Entries: every write leaves one row per entry and transaction, named by what it did.
  public static final String CREATE = "create";
  public static final String UPDATE = "update";
  public static final String SUBMIT = "submit";
  public static final String APPROVE = "approve";
  public static final String REJECT = "reject";
  public static final String SCHEDULE_CHANGED = "schedule-changed";
  public static final String EMBARGO_ENDED = "embargo-ended";
  public static final String COMMENT_ADDED = "comment-added";
  public static final String IMPORT = "import";
  // Tenant settings and what hangs off them.
  public static final String TENANT_CREATED = "tenant-created";
  public static final String TENANT_SETTINGS_CHANGED = "tenant-settings-changed";
  public static final String REVIEW_RULES_CHANGED = "review-rules-changed";
  public static final String CHANNEL_CREATED = "channel-created";
  public static final String CHANNEL_CHANGED = "channel-changed";
  public static final String CHANNEL_DELETED = "channel-deleted";
  public static final String TERM_CREATED = "term-created";
  public static final String TERM_CHANGED = "term-changed";
  public static final String TERM_DELETED = "term-deleted";
  public static final String WEBHOOK_CREATED = "webhook-created";
  public static final String WEBHOOK_DISABLED = "webhook-disabled";
  public static final String WEBHOOK_DELETED = "webhook-deleted";
  public static final String WEBHOOK_REPLAYED = "webhook-replayed";

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

  /** Records what an actor did: a user, a partner key, the scheduler or a job of the process. */
  public static void record(
      EntityManager em,
      Clock clock,
      Actor actor,
      String action,
      String tenant,
      String target,
      String detail) {
    record(em, clock, actor.recordedName(), action, tenant, target, detail);
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
    if (q.tenants() != null && q.tenants().isEmpty()) {
      return List.of();
    }
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<AuditEvent> select = cb.createQuery(AuditEvent.class);
    Root<AuditEvent> a = select.from(AuditEvent.class);
    List<Predicate> where = new ArrayList<>();
    if (q.user() != null) {
      where.add(cb.equal(a.get("username"), q.user()));
    }
    if (q.action() != null) {
      where.add(cb.equal(a.get("action"), q.action()));
    }
    if (q.tenant() != null) {
      where.add(cb.equal(a.get("tenant"), q.tenant()));
    }
    if (q.tenants() != null) {
      where.add(a.get("tenant").in(q.tenants()));
    }
    Path<Instant> at = a.get("at");
    if (q.from() != null) {
      where.add(cb.greaterThanOrEqualTo(at, q.from()));
    }
    if (q.to() != null) {
      where.add(cb.lessThan(at, q.to()));
    }
    Path<Long> seq = a.get("seq");
    if (q.before() != null) {
      where.add(cb.lessThan(seq, q.before()));
    }
    select.select(a).where(where.toArray(Predicate[]::new)).orderBy(cb.desc(seq));
    List<AuditView> rows = new ArrayList<>();
    em.createQuery(select)
        .setMaxResults(q.limit() + 1)
        .getResultList()
        .forEach(e -> rows.add(e.view()));
    return rows;
  }
}
