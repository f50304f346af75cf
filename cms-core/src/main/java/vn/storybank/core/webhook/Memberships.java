package vn.storybank.core.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.persistence.EntityManager;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import vn.storybank.core.delivery.DeliveredItem;
import vn.storybank.core.delivery.SyncPage;
import vn.storybank.core.delivery.SyncService;
import vn.storybank.core.entry.EntryQueries;
import vn.storybank.core.json.Json;

/** What each subscription last announced, and how an entry stands in its channel now. */
final class Memberships {
  private static final int CHUNK = 500;
  // Map keys sorted, so that equal items hash equally whatever order their maps were filled in.
  private static final ObjectMapper CANONICAL =
      Json.mapper().copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private final SyncService sync;

  Memberships(SyncService sync) {
    this.sync = sync;
  }

  /** Records every entry the subscription's channel shows now as announced. */
  void seed(EntityManager em, Subscription subscription) {
    List<UUID> ids = new EntryQueries(em).idsOfTenant(subscription.tenant());
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
          new WebhookQueries(em)
              .memberships(subscription, all.subList(from, Math.min(all.size(), from + CHUNK))));
    }
    return rows;
  }

  /**
   * What a reader of the channel sees of the entry, in every channel locale: the delivered items
   * without the entry's version and modification time, which also move when an editor saves a draft
   * that changes nothing live. A change in what readers see is an {@code updated}; a draft save is
   * not.
   */
  static String fingerprint(SyncPage.Item item) {
    Map<String, DeliveredItem> seen = new TreeMap<>();
    item.locales()
        .forEach(
            (locale, served) ->
                seen.put(
                    locale,
                    new DeliveredItem(
                        served.id(),
                        served.tenant(),
                        served.type(),
                        served.kind(),
                        0,
                        served.requestedLocale(),
                        served.locale(),
                        served.text(),
                        served.availableLocales(),
                        served.createdAt(),
                        null,
                        served.terms(),
                        served.latitude(),
                        served.longitude(),
                        served.attributes(),
                        served.media(),
                        served.related())));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(seen));
      return Base64.getEncoder().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a delivered item is plain data", e);
    }
  }
}
