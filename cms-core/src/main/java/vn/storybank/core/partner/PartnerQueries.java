package vn.storybank.core.partner;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every query over partner keys and their usage, in the transaction of the given entity manager.
 */
final class PartnerQueries {
  private final EntityManager em;

  PartnerQueries(EntityManager em) {
    this.em = em;
  }

  /** Creates the key's shared rate bucket, full, unless another node made it already. */
  void addBucketIfAbsent(UUID key, int capacity, long nowMillis) {
    em.createNativeQuery(
            "insert into partner_rate (key_id, tokens, updated_millis) values (?1, ?2, ?3)"
                + " on conflict (key_id) do nothing")
        .setParameter(1, key)
        .setParameter(2, (double) capacity)
        .setParameter(3, nowMillis)
        .executeUpdate();
  }

  /** The key's bucket (tokens, updated_millis), locked until the transaction ends. */
  Object[] lockBucket(UUID key) {
    return (Object[])
        em.createNativeQuery(
                "select tokens, updated_millis from partner_rate where key_id = ?1 for update")
            .setParameter(1, key)
            .getSingleResult();
  }

  void updateBucket(UUID key, double tokens, long updatedMillis) {
    em.createNativeQuery(
            "update partner_rate set tokens = ?1, updated_millis = ?2 where key_id = ?3")
        .setParameter(1, tokens)
        .setParameter(2, updatedMillis)
        .setParameter(3, key)
        .executeUpdate();
  }

  /** The tenant's keys, oldest first. */
  List<PartnerKey> keysOf(String tenant) {
    return em.createQuery(
            "select k from PartnerKey k where k.tenant = :tenant order by k.createdAt",
            PartnerKey.class)
        .setParameter("tenant", tenant)
        .getResultList();
  }

  /** The key with this prefix, if there is one. */
  Optional<PartnerKey> byPrefix(String prefix) {
    return em.createQuery("select k from PartnerKey k where k.prefix = :prefix", PartnerKey.class)
        .setParameter("prefix", prefix)
        .getResultStream()
        .findFirst();
  }

  /**
   * The usage counts of the tenant's keys on the days from {@code from} to {@code to}, each with
   * its key's name, by day, key name, channel and locale.
   */
  List<Object[]> usage(String tenant, LocalDate from, LocalDate to) {
    return em.createQuery(
            "select u, k.name from UsageCount u, PartnerKey k where k.id = u.id.keyId"
                + " and k.tenant = :tenant and u.id.day between :from and :to"
                + " order by u.id.day, k.name, u.id.channel, u.id.locale",
            Object[].class)
        .setParameter("tenant", tenant)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList();
  }
}
