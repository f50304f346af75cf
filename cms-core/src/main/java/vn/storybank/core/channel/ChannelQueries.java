package vn.storybank.core.channel;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Every query that reads channels, in the transaction of the entity manager it is given. */
public final class ChannelQueries {
  private final EntityManager em;

  public ChannelQueries(EntityManager em) {
    this.em = em;
  }

  /** The tenant's channels, by code. */
  List<Channel> ofTenant(String tenant) {
    return em.createQuery(
            "select c from Channel c where c.tenant = :tenant order by c.code", Channel.class)
        .setParameter("tenant", tenant)
        .getResultList();
  }

  /** The tenant's channel with this code, if there is one. */
  Optional<Channel> byCode(String tenant, String code) {
    return em.createQuery(
            "select c from Channel c where c.tenant = :tenant and c.code = :code", Channel.class)
        .setParameter("tenant", tenant)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  /** Whether the tenant has a channel with this code. */
  public boolean exists(String tenant, String code) {
    return em.createQuery(
                "select count(c) from Channel c where c.tenant = :tenant and c.code = :code",
                Long.class)
            .setParameter("tenant", tenant)
            .setParameter("code", code)
            .getSingleResult()
        != 0;
  }

  /** How many of these codes are public channels of the tenant. */
  public long countPublic(String tenant, Collection<String> codes) {
    return em.createQuery(
            "select count(c) from Channel c where c.tenant = :tenant and c.code in :codes"
                + " and c.access = 'public'",
            Long.class)
        .setParameter("tenant", tenant)
        .setParameter("codes", codes)
        .getSingleResult();
  }

  /** The codes of the tenant's channels. */
  public List<String> codes(String tenant) {
    return em.createQuery("select c.code from Channel c where c.tenant = :tenant", String.class)
        .setParameter("tenant", tenant)
        .getResultList();
  }

  /** The codes of the tenant's public channels. */
  public List<String> publicCodes(String tenant) {
    return em.createQuery(
            "select c.code from Channel c where c.tenant = :tenant and c.access = 'public'",
            String.class)
        .setParameter("tenant", tenant)
        .getResultList();
  }
}
