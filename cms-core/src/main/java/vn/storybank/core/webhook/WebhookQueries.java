package vn.storybank.core.webhook;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Every query over subscriptions, their messages and their channel memberships, in the transaction
 * of the entity manager it is given.
 */
final class WebhookQueries {
  private final EntityManager em;

  WebhookQueries(EntityManager em) {
    this.em = em;
  }

  /** The tenant's subscriptions, oldest first. */
  List<Subscription> subscriptionsOf(String tenant) {
    return em.createQuery(
            "select s from Subscription s where s.tenant = :tenant order by s.audit.createdAt,"
                + " s.id",
            Subscription.class)
        .setParameter("tenant", tenant)
        .getResultList();
  }

  /** The tenant's active subscriptions. */
  List<Subscription> activeSubscriptionsOf(String tenant) {
    return em.createQuery(
            "select s from Subscription s where s.tenant = :tenant and s.active = true",
            Subscription.class)
        .setParameter("tenant", tenant)
        .getResultList();
  }

  /** The tenants with an active subscription. */
  List<String> subscribedTenants() {
    return em.createQuery(
            "select distinct s.tenant from Subscription s where s.active = true", String.class)
        .getResultList();
  }

  /** Whether an active subscription of the tenant follows the channel. */
  boolean followed(String tenant, String channel) {
    return !em.createQuery(
            "select s.id from Subscription s where s.tenant = :tenant and s.channel = :code"
                + " and s.active = true",
            UUID.class)
        .setParameter("tenant", tenant)
        .setParameter("code", channel)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** The entries announced to any subscription of the tenant that follows the channel. */
  List<UUID> announcedEntries(String tenant, String channel) {
    return em.createQuery(
            "select m.key.entry from WebhookMembership m, Subscription s where"
                + " m.key.subscription = s.id and s.tenant = :tenant and s.channel = :code",
            UUID.class)
        .setParameter("tenant", tenant)
        .setParameter("code", channel)
        .getResultList();
  }

  /** The subscription's memberships of these entries. */
  List<Membership> memberships(UUID subscription, Collection<UUID> entries) {
    return em.createQuery(
            "select m from WebhookMembership m where m.key.subscription = :s and m.key.entry in"
                + " :ids",
            Membership.class)
        .setParameter("s", subscription)
        .setParameter("ids", entries)
        .getResultList();
  }

  /** Removes the subscription's messages and memberships (before the subscription itself). */
  void deleteMessagesAndMemberships(UUID subscription) {
    em.createQuery("delete from WebhookMessage m where m.subscription = :s")
        .setParameter("s", subscription)
        .executeUpdate();
    em.createQuery("delete from WebhookMembership m where m.key.subscription = :s")
        .setParameter("s", subscription)
        .executeUpdate();
  }

  /** How many messages of every subscription have this status. */
  long countWithStatus(String status) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<WebhookMessage> m = count.from(WebhookMessage.class);
    count.select(cb.count(m)).where(cb.equal(m.get("status"), status));
    return em.createQuery(count).getSingleResult();
  }

  /** Up to {@code limit} of the subscription's messages, newest first; status null means any. */
  List<WebhookMessage> messages(UUID subscription, String status, int limit) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<WebhookMessage> select = cb.createQuery(WebhookMessage.class);
    Root<WebhookMessage> m = select.from(WebhookMessage.class);
    List<Predicate> where = new ArrayList<>();
    where.add(cb.equal(m.get("subscription"), subscription));
    if (status != null) {
      where.add(cb.equal(m.get("status"), status));
    }
    select
        .select(m)
        .where(where.toArray(Predicate[]::new))
        .orderBy(cb.desc(m.get("createdAt")), cb.asc(m.get("id")));
    return em.createQuery(select).setMaxResults(limit).getResultList();
  }

  /**
   * Up to {@code limit} pending messages of active subscriptions due at {@code now} and not locked
   * by another sender, each with its subscription, earliest due first.
   */
  List<Object[]> dueMessages(Instant now, int limit) {
    return em.createQuery(
            "select m, s from WebhookMessage m, Subscription s where s.id ="
                + " m.subscription and s.active = true and m.status = 'pending' and"
                + " m.nextAttemptAt <= :now and (m.lockedUntil is null or"
                + " m.lockedUntil < :now) order by m.nextAttemptAt, m.createdAt",
            Object[].class)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Locks the pending message until {@code until} unless another sender holds it at {@code now}; 1
   * when this call won it.
   */
  int lockMessage(String message, Instant until, Instant now) {
    return em.createQuery(
            "update WebhookMessage m set m.lockedUntil = :until where m.id = :id and"
                + " m.status = 'pending' and (m.lockedUntil is null or m.lockedUntil"
                + " < :now)")
        .setParameter("until", until)
        .setParameter("id", message)
        .setParameter("now", now)
        .executeUpdate();
  }
}
