package vn.storybank.core.taxonomy;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every query that reads taxonomy terms, in the transaction of the entity manager it is given. */
final class TermQueries {
  private final EntityManager em;

  TermQueries(EntityManager em) {
    this.em = em;
  }

  /** Every term of the tenant, of every kind. */
  List<Term> all(String tenant) {
    return em.createQuery("select t from Term t where t.tenant = :tenant", Term.class)
        .setParameter("tenant", tenant)
        .getResultList();
  }

  /** The tenant's terms of one kind, by code. */
  List<Term> ofKind(String tenant, TermKind kind) {
    return em.createQuery(
            "select t from Term t where t.tenant = :tenant and t.kind = :kind order by t.code",
            Term.class)
        .setParameter("tenant", tenant)
        .setParameter("kind", kind)
        .getResultList();
  }

  /** The tenant's term of the kind with this code, if there is one. */
  Optional<Term> byCode(String tenant, TermKind kind, String code) {
    return em.createQuery(
            "select t from Term t where t.tenant = :tenant and t.kind = :kind and t.code = :code",
            Term.class)
        .setParameter("tenant", tenant)
        .setParameter("kind", kind)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  /** The tenant's term of the kind with this id, if there is one. */
  Optional<Term> byId(String tenant, TermKind kind, UUID id) {
    return em.createQuery(
            "select t from Term t where t.tenant = :tenant and t.kind = :kind and t.id = :id",
            Term.class)
        .setParameter("tenant", tenant)
        .setParameter("kind", kind)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  /** How many terms have this one as their parent. */
  /**
   * How many entries are filed under the term (named in the query, not imported: entries know
   * terms, so terms must not know entries).
   */
  long countEntriesFiledUnder(UUID term) {
    return em.createQuery(
            "select count(e) from Entry e join e.terms t where t.id = :id", Long.class)
        .setParameter("id", term)
        .getSingleResult();
  }

  long countChildren(UUID term) {
    return em.createQuery("select count(t) from Term t where t.parent.id = :id", Long.class)
        .setParameter("id", term)
        .getSingleResult();
  }

  /** Whether another term of the tenant and kind than {@code term} has the code. */
  boolean codeTakenByAnother(String tenant, TermKind kind, String code, UUID term) {
    return !em.createQuery(
            "select t.id from Term t where t.tenant = :tenant and t.kind = :kind and t.code ="
                + " :code and t.id <> :id",
            UUID.class)
        .setParameter("tenant", tenant)
        .setParameter("kind", kind)
        .setParameter("code", code)
        .setParameter("id", term)
        .getResultList()
        .isEmpty();
  }
}
