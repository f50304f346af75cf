package vn.storybank.core.media;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Every query over media assets, in the transaction of the entity manager it is given. */
public final class MediaQueries {
  private final EntityManager em;

  public MediaQueries(EntityManager em) {
    this.em = em;
  }

  /** The assets with these ids (missing ids are left out). */
  public List<MediaAsset> byIds(Collection<UUID> ids) {
    return em.createQuery("select m from MediaAsset m where m.id in :ids", MediaAsset.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  /** The hashes of every stored original that a record references. */
  List<String> referencedBlobs() {
    return em.createQuery(
            "select distinct m.blobSha256 from MediaAsset m where m.blobSha256 is not null",
            String.class)
        .getResultList();
  }

  /** How many records reference the original with this hash. */
  long countReferencing(String sha) {
    return em.createQuery("select count(m) from MediaAsset m where m.blobSha256 = :sha", Long.class)
        .setParameter("sha", sha)
        .getSingleResult();
  }

  /**
   * Up to {@code max} of the tenant's assets whose rights expire in [from, until), soonest first.
   */
  List<MediaAsset> rightsExpiring(String tenant, Instant from, Instant until, int max) {
    return em.createQuery(
            "select m from MediaAsset m where m.tenant = :tenant and m.rightsExpireAt >= :from"
                + " and m.rightsExpireAt < :until order by m.rightsExpireAt, m.id",
            MediaAsset.class)
        .setParameter("tenant", tenant)
        .setParameter("from", from)
        .setParameter("until", until)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * The id and tenant of the assets of the tenant (every tenant when null) whose rights ran out in
   * {@code (from, to]}.
   */
  public List<Object[]> rightsExpired(String tenant, Instant from, Instant to) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Object[]> select = cb.createQuery(Object[].class);
    Root<MediaAsset> m = select.from(MediaAsset.class);
    Path<Instant> expires = m.get("rightsExpireAt");
    List<Predicate> where = new ArrayList<>();
    where.add(cb.greaterThan(expires, from));
    where.add(cb.lessThanOrEqualTo(expires, to));
    if (tenant != null) {
      where.add(cb.equal(m.get("tenant"), tenant));
    }
    select.multiselect(m.get("id"), m.get("tenant")).where(where.toArray(Predicate[]::new));
    return em.createQuery(select).getResultList();
  }
}
