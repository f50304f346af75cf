package vn.storybank.core.account;

import java.time.Instant;
import java.util.List;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.persistence.Page;
import vn.storybank.core.persistence.Transactions;

/** Reading the audit log: the super-admin every row, a tenant admin their tenants' rows. */
public final class AuditTrail {
  private final Transactions transactions;

  public AuditTrail(Transactions transactions) {
    this.transactions = transactions;
  }

  /**
   * The audit log, newest first. The super-admin sees every row; a tenant admin sees the rows of
   * the tenants they administer.
   *
   * @param cursor the {@code next} of the previous page
   */
  public Page<AuditView> audit(
      String user,
      String action,
      String tenant,
      Instant from,
      Instant to,
      String cursor,
      int limit,
      Actor actor) {
    return transactions.read(
        em -> {
          List<String> tenants;
          if (tenant != null) {
            Access.require(em, actor, tenant, Action.AUDIT);
            tenants = null;
          } else {
            tenants = Access.tenantsAllowing(em, actor, Action.AUDIT);
            if (tenants != null && tenants.isEmpty()) {
              throw StorybankException.forbidden(
                  "Only the administrator and tenant admins read the audit log.");
            }
          }
          Long before = null;
          if (cursor != null) {
            try {
              before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
              throw StorybankException.invalid("cursor", "is not a cursor this list returned");
            }
          }
          List<AuditView> rows =
              AuditLog.find(
                  em, new AuditLog.Query(user, action, tenant, from, to, tenants, before, limit));
          if (rows.size() <= limit) {
            return new Page<>(rows, null);
          }
          List<AuditView> page = rows.subList(0, limit);
          return new Page<>(List.copyOf(page), Long.toString(page.get(limit - 1).seq()));
        });
  }
}
