package vn.storybank.core.account;

import vn.storybank.core.error.StorybankException;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.tenant.TenantService;

/**
 * The permission check for operations that run outside the core's transactions (search runs on the
 * Lucene index, an export streams after its check), and for node-wide operations.
 */
public final class Permissions {
  private final Transactions transactions;

  public Permissions(Transactions transactions) {
    this.transactions = transactions;
  }

  /**
   * The permission check for operations outside this module's transactions (search runs on the
   * Lucene index, not in the database).
   */
  public void require(String tenant, Action action, Actor actor) {
    transactions.read(
        em -> {
          Access.require(em, actor, tenant, action);
          return TenantService.require(em, tenant);
        });
  }

  /** Node-wide operations (the search index) belong to no tenant: the super-admin's alone. */
  public void requireSuperAdmin(Actor actor) {
    if (!Access.isSuperAdmin(actor)) {
      throw StorybankException.forbidden("Only the administrator manages this node.");
    }
  }
}
