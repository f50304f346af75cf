package vn.storybank.core.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.changelog.ChangeView;
import vn.storybank.core.channel.Channel;
import vn.storybank.core.delivery.SyncPage;
import vn.storybank.core.delivery.Touched;
import vn.storybank.core.entry.EntryQueries;
import vn.storybank.core.entry.TranslationQueries;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.Json;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.touch.Touch;

/**
 * Follows the change log and turns committed changes into webhook messages. One batch is one
 * transaction: it locks the position row, reads the changes after it, classifies each touched entry
 * per subscription against what that subscription last announced, writes the messages and the new
 * announced state, and advances the position. A second node blocks on the lock and then starts
 * after the first node's batch, so no change is enqueued twice; a batch that fails enqueues nothing
 * and is read again.
 */
public final class Dispatcher {
  private static final int SLICE = 500;
  private static final java.time.Duration RIGHTS_CHECK = java.time.Duration.ofMinutes(1);
  private final Transactions transactions;
  private final ChangeLog changeLog;
  private final Memberships memberships;
  private final Clock clock;
  private final String publicUrl;

  Dispatcher(
      Transactions transactions,
      ChangeLog changeLog,
      Memberships memberships,
      Clock clock,
      String publicUrl) {
    this.transactions = transactions;
    this.changeLog = changeLog;
    this.memberships = memberships;
    this.clock = clock;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
  }

  /**
   * Handles up to {@code limit} changes, and once caught up the assets whose rights ran out since
   * the last look; returns how many changes it read (0: caught up).
   */
  public int dispatchOnce(int limit) {
    return transactions.write(
        em -> {
          DispatchPosition position =
              em.find(DispatchPosition.class, DispatchPosition.ID, LockModeType.PESSIMISTIC_WRITE);
          List<ChangeView> changes = changeLog.after(em, null, position.seq(), limit);
          // Only changes of tenants with a subscription can concern anyone; the rest (after a bulk
          // import, often all of them) is passed over without looking at what they touched.
          Set<String> subscribed = new HashSet<>(new WebhookQueries(em).subscribedTenants());
          Map<String, List<Touch>> byTenant = new LinkedHashMap<>();
          Map<String, Map<UUID, Long>> touched = new LinkedHashMap<>();
          for (ChangeView change : changes) {
            if (subscribed.contains(change.tenant())) {
              byTenant
                  .computeIfAbsent(change.tenant(), t -> new ArrayList<>())
                  .add(Touch.of(change));
            }
          }
          byTenant.forEach(
              (tenant, touches) -> {
                Map<UUID, Long> entries =
                    touched.computeIfAbsent(tenant, t -> new LinkedHashMap<>());
                Touched.delivered(em, touches)
                    .forEach((id, reached) -> entries.put(id, reached.seq()));
                for (Touch touch : touches) {
                  // Delivery leaves a channel's settings to each follower; the rest it answered.
                  Set<UUID> more =
                      switch (touch.kind()) {
                        case CHANNEL -> inChannel(em, touch);
                        case ENTRY, TERM, TENANT_SETTINGS, NOTHING -> Set.of();
                      };
                  more.forEach(id -> entries.merge(id, touch.seq(), Math::max));
                }
              });
          long last = changes.isEmpty() ? position.seq() : changes.get(changes.size() - 1).seq();
          Instant now = clock.instant();
          // Once caught up, and at most once a minute: each look is a write to the position row.
          if (changes.size() < limit
              && (position.checkedAt() == null
                  || !now.isBefore(position.checkedAt().plus(RIGHTS_CHECK)))) {
            if (position.checkedAt() != null) {
              for (Object[] asset : Touched.rightsExpired(em, null, position.checkedAt(), now)) {
                if (!subscribed.contains((String) asset[1])) {
                  continue;
                }
                UUID id = (UUID) asset[0];
                Map<UUID, Long> entries =
                    touched.computeIfAbsent((String) asset[1], t -> new LinkedHashMap<>());
                entries.putIfAbsent(id, last);
                Touched.linking(em, id).forEach(e -> entries.putIfAbsent(e, last));
              }
            }
            position.checked(now);
          }
          touched.forEach(
              (tenant, entries) -> {
                // In slices: a channel's new filter can touch every entry of the tenant.
                List<UUID> ids = new ArrayList<>(entries.keySet());
                for (int from = 0; from < ids.size(); from += SLICE) {
                  Map<UUID, Long> slice = new LinkedHashMap<>();
                  ids.subList(from, Math.min(ids.size(), from + SLICE))
                      .forEach(id -> slice.put(id, entries.get(id)));
                  dispatch(em, tenant, slice);
                }
              });
          position.advance(last);
          return changes.size();
        });
  }

  /**
   * A channel's settings changed: every entry its subscriptions announced, and every entry with a
   * live translation, may have entered or left it, or now be served in another locale.
   */
  private static Set<UUID> inChannel(EntityManager em, Touch change) {
    Channel channel = em.find(Channel.class, change.id());
    if (channel == null) {
      return Set.of(); // deleted: its subscriptions have nothing left to announce
    }
    WebhookQueries webhooks = new WebhookQueries(em);
    boolean followed = webhooks.followed(change.tenant(), channel.code());
    if (!followed) {
      return Set.of(); // the other channels' entries did not change with this one's settings
    }
    Set<UUID> ids = new LinkedHashSet<>(webhooks.announcedEntries(change.tenant(), channel.code()));
    ids.addAll(new TranslationQueries(em).entriesWithLiveRevision(change.tenant()));
    return ids;
  }

  private void dispatch(EntityManager em, String tenant, Map<UUID, Long> entries) {
    List<Subscription> subscriptions = new WebhookQueries(em).activeSubscriptionsOf(tenant);
    if (subscriptions.isEmpty()) {
      return;
    }
    Set<UUID> existing = new HashSet<>(new EntryQueries(em).existing(entries.keySet()));
    Map<String, Map<UUID, SyncPage.Item>> byChannel = new HashMap<>();
    Instant now = clock.instant();
    for (Subscription subscription : subscriptions) {
      Map<UUID, SyncPage.Item> current =
          byChannel.computeIfAbsent(
              subscription.channel(), c -> currentOrNull(tenant, c, entries.keySet()));
      if (current == null) {
        continue; // The channel was deleted: the subscription has nothing left to announce.
      }
      Map<UUID, Membership> before = new HashMap<>();
      Memberships.of(em, subscription.id(), entries.keySet())
          .forEach(m -> before.put(m.key().entry(), m));
      entries.forEach(
          (id, seq) -> {
            SyncPage.Item now0 = current.get(id);
            Membership was = before.get(id);
            String event = null;
            if (now0 != null) {
              String state = Memberships.fingerprint(now0);
              if (was == null) {
                event = "published";
                em.persist(
                    new Membership(
                        new MembershipKey(subscription.id(), id),
                        now0.type().code(),
                        now0.version(),
                        state));
              } else if (!was.fingerprint().equals(state)) {
                event = "updated";
                was.announce(now0.version(), state);
              }
            } else if (was != null) {
              event = existing.contains(id) ? "unpublished" : "deleted";
              em.remove(was);
            }
            if (event != null && subscription.wants(event)) {
              String type = now0 != null ? now0.type().code() : was.entryType();
              long version = now0 != null ? now0.version() : was.entryVersion();
              List<String> locales =
                  now0 != null ? new ArrayList<>(now0.locales().keySet()) : List.of();
              em.persist(
                  new WebhookMessage(
                      subscription.id(),
                      type + "." + event,
                      id,
                      seq,
                      payload(
                          type + "." + event,
                          now,
                          id,
                          type,
                          tenant,
                          subscription.channel(),
                          version,
                          locales),
                      now));
            }
          });
    }
  }

  private Map<UUID, SyncPage.Item> currentOrNull(String tenant, String channel, Set<UUID> entries) {
    try {
      return memberships.current(tenant, channel, entries);
    } catch (StorybankException e) {
      if (e.kind() == ErrorKind.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  /** The thin Standard Webhooks payload: what changed and where to read it. */
  private String payload(
      String eventType,
      Instant now,
      UUID id,
      String type,
      String tenant,
      String channel,
      long version,
      List<String> locales) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", id);
    data.put("type", type);
    data.put("tenant", tenant);
    data.put("channel", channel);
    data.put("version", version);
    data.put("locales", locales);
    data.put(
        "url",
        publicUrl
            + "api/v1/"
            + encode(tenant)
            + "/"
            + plural(type)
            + "/"
            + id
            + "?channel="
            + encode(channel));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", eventType);
    body.put("timestamp", now.toString());
    body.put("data", data);
    try {
      return Json.mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String plural(String type) {
    return switch (type) {
      case "story" -> "stories";
      case "product" -> "products";
      case "collection" -> "collections";
      default -> type;
    };
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
