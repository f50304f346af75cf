package vn.storybank.core.tenant;

import jakarta.persistence.EntityManager;
import java.util.List;
import vn.storybank.core.error.StorybankException;

/** Every query that reads tenants, in the transaction of the entity manager it is given. */
public final class TenantQueries {
  private final EntityManager em;

  public TenantQueries(EntityManager em) {
    this.em = em;
  }

  /** The tenant, or a 404 that names it. */
  public Tenant require(String code) {
    Tenant tenant = code == null ? null : em.find(Tenant.class, code);
    if (tenant == null) {
      throw StorybankException.notFound("There is no tenant '" + code + "'.");
    }
    return tenant;
  }

  /** Every tenant, by code. */
  List<Tenant> all() {
    return em.createQuery("select t from Tenant t order by t.code", Tenant.class).getResultList();
  }
}
