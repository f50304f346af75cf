package vn.storybank.core.webhook;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.delivery.DeliveredItem;
import vn.storybank.core.delivery.SyncPage;
import vn.storybank.core.delivery.SyncService;

/** What each subscription last announced, and how an entry stands in its channel now. */
final class Memberships {
  private static final int CHUNK = 500;
  private final SyncService sync;

  Memberships(SyncService sync) {
    this.sync = sync;
  }

  /** Records every entry the subscription's channel shows now as announced. */
  void seed(EntityManager em, Subscription subscription) {
    List<UUID> ids =
        em.createQuery("select e.id from Entry e where e.tenant = :tenant", UUID.class)
            .setParameter("tenant", subscription.tenant())
            .getResultList();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      current(subscription.tenant(), subscription.channel(), chunk)
          .forEach(
              (id, item) ->
                  em.persist(
                      new Membership(
                          new MembershipKey(subscription.id(), id),
                          item.type().code(),
                          item.version(),
                          fingerprint(item))));
    }
  }

  /** How these entries stand in the channel now; empty when the channel no longer exists. */
  Map<UUID, SyncPage.Item> current(String tenant, String channel, Collection<UUID> ids) {
    return sync.current(tenant, channel, ids);
  }

  /** The subscription's rows for these entries. */
  static List<Membership> of(EntityManager em, UUID subscription, Collection<UUID> ids) {
    List<Membership> rows = new ArrayList<>();
    List<UUID> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += CHUNK) {
      rows.addAll(
          em.createQuery(
                  "select m from WebhookMembership m where m.key.subscription = :s and m.key.entry in"
                      + " :ids",
                  Membership.class)
              .setParameter("s", subscription)
              .setParameter("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
              .getResultList());
    }
    return rows;
  }

  /**
   * The state a reader sees: the entry's version and, per channel locale, the translation served
   * and its revision. A change in any of them is an {@code updated}.
   */
  static String fingerprint(SyncPage.Item item) {
    StringBuilder state = new StringBuilder().append(item.version());
    for (Map.Entry<String, DeliveredItem> locale : item.locales().entrySet()) {
      DeliveredItem served = locale.getValue();
      state
          .append(';')
          .append(locale.getKey())
          .append('=')
          .append(served.locale())
          .append(':')
          .append(served.text().revision());
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(state.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
