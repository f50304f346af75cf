package vn.storybank.core.entry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Every query that reads entries of any type by id, tenant, link or term, in the transaction of the
 * entity manager it is given. Lists with filters are {@link EntryListing}'s.
 */
public final class EntryQueries {
  private final EntityManager em;

  public EntryQueries(EntityManager em) {
    this.em = em;
  }

  /** The entries with these ids (of any tenant; missing ids are left out). */
  public List<Entry> byIds(Collection<UUID> ids) {
    return em.createQuery("select e from Entry e where e.id in :ids", Entry.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  /** The tenant's entries with these ids (missing ids and other tenants' are left out). */
  public List<Entry> ofTenant(String tenant, Collection<UUID> ids) {
    return em.createQuery(
            "select e from Entry e where e.tenant = :tenant and e.id in :ids", Entry.class)
        .setParameter("tenant", tenant)
        .setParameter("ids", ids)
        .getResultList();
  }

  /** As {@link #ofTenant}, without flushing this transaction's pending writes first. */
  List<Entry> ofTenantUnflushed(String tenant, Collection<UUID> ids) {
    return em.createQuery(
            "select e from Entry e where e.tenant = :tenant and e.id in :ids", Entry.class)
        .setParameter("tenant", tenant)
        .setParameter("ids", ids)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList();
  }

  /** Which of these ids are entries. */
  public List<UUID> existing(Collection<UUID> ids) {
    return em.createQuery("select e.id from Entry e where e.id in :ids", UUID.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  /** The ids of every entry of the tenant. */
  public List<UUID> idsOfTenant(String tenant) {
    return em.createQuery("select e.id from Entry e where e.tenant = :tenant", UUID.class)
        .setParameter("tenant", tenant)
        .getResultList();
  }

  /**
   * Up to {@code limit} entries of the type in id order, after {@code afterId}.
   *
   * @param type {@link Entry} for every type
   * @param tenant null for every tenant
   * @param afterId null to start at the first
   */
  public <E extends Entry> List<E> inIdOrder(
      Class<E> type, String tenant, UUID afterId, int limit) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<E> select = cb.createQuery(type);
    Root<E> e = select.from(type);
    Path<UUID> id = e.get("id");
    List<Predicate> where = new ArrayList<>();
    if (tenant != null) {
      where.add(cb.equal(e.get("tenant"), tenant));
    }
    if (afterId != null) {
      where.add(cb.greaterThan(id, afterId));
    }
    select.select(e).where(where.toArray(Predicate[]::new)).orderBy(cb.asc(id));
    return em.createQuery(select).setMaxResults(limit).getResultList();
  }

  /** The ids of the entries that link {@code target} (an asset or entry) in any role. */
  public List<UUID> linking(UUID target) {
    return em.createQuery(
            "select distinct e.id from Entry e join e.links l where l.target = :target", UUID.class)
        .setParameter("target", target)
        .getResultList();
  }

  /** The ids of at most {@code limit} entries that link {@code target}, for a refusal to name. */
  public List<UUID> linking(UUID target, int limit) {
    return em.createQuery(
            "select distinct e.id from Entry e join e.links l where l.target = :target", UUID.class)
        .setParameter("target", target)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The ids of the entries that link any of these targets in one of these roles. */
  public List<UUID> linking(Collection<UUID> targets, Collection<String> roles) {
    return em.createQuery(
            "select distinct e.id from Entry e join e.links l"
                + " where l.target in :ids and l.role in :roles",
            UUID.class)
        .setParameter("ids", targets)
        .setParameter("roles", roles)
        .getResultList();
  }

  /** The ids of the entries filed under the term (itself, not the terms below it). */
  public List<UUID> filedUnder(UUID term) {
    return em.createQuery("select e.id from Entry e join e.terms t where t.id = :term", UUID.class)
        .setParameter("term", term)
        .getResultList();
  }

  /** The ids of the entries filed under any of these terms, each once. */
  public List<UUID> filedUnderAny(Collection<UUID> terms) {
    return em.createQuery(
            "select distinct e.id from Entry e join e.terms t where t.id in :terms", UUID.class)
        .setParameter("terms", terms)
        .getResultList();
  }

  /** One link seen from its target: {@code entry} links it in {@code role}. */
  public record LinkFrom(Entry entry, String role) {}

  /**
   * The tenant's entries that link {@code target}, each with the role of the link (an entry linking
   * it in two roles comes twice), at most {@code limit}, in a stable order.
   */
  public List<LinkFrom> linkingWithRoles(String tenant, UUID target, int limit) {
    return em
        .createQuery(
            "select e, l.role from Entry e join e.links l"
                + " where e.tenant = :tenant and l.target = :target order by e.id, l.role",
            Object[].class)
        .setParameter("tenant", tenant)
        .setParameter("target", target)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(row -> new LinkFrom((Entry) row[0], (String) row[1]))
        .toList();
  }

  /** One link: {@code entry} links {@code target}. */
  public record Link(UUID target, UUID entry) {}

  /** Every entry linking one of these targets, as pairs, each pair once. */
  public List<Link> linkingPairs(Collection<UUID> targets) {
    return em
        .createQuery(
            "select distinct l.target, e.id from Entry e join e.links l where l.target in :ids",
            Object[].class)
        .setParameter("ids", targets)
        .getResultList()
        .stream()
        .map(row -> new Link((UUID) row[0], (UUID) row[1]))
        .toList();
  }
}
