package vn.storybank.core.account;

import vn.storybank.core.error.StorybankException;
import vn.storybank.core.persistence.Transactions;

/**
 * The permission check for operations that run outside the core's transactions (search runs on the
 * Lucene index, an export streams after its check), and for node-wide operations.
 */
public final class Permissions {
  private final Transactions transactions;
  private final Tenants tenants;

  public Permissions(Transactions transactions, Tenants tenants) {
    this.transactions = transactions;
    this.tenants = tenants;
  }

  /**
   * The permission check for operations outside this module's transactions (search runs on the
   * Lucene index, not in the database).
   */
  public void require(String tenant, Action action, Actor actor) {
    transactions.read(
        em -> {
          Access.require(em, actor, tenant, action);
          return tenants.require(em, tenant);
        });
  }

  /** Node-wide operations (the search index) belong to no tenant: the super-admin's alone. */
  public void requireSuperAdmin(Actor actor) {
    if (!Access.isSuperAdmin(actor)) {
      throw StorybankException.forbidden("Only the administrator manages this node.");
    }
  }
}
