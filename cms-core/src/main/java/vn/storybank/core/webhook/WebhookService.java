package vn.storybank.core.webhook;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Actor;
import vn.storybank.core.account.AuditLog;
import vn.storybank.core.channel.ChannelQueries;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.core.persistence.Audit;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.tenant.TenantQueries;

/** Partners' webhook subscriptions and their messages: subscribe, list, delete, replay. */
public final class WebhookService {
  static final List<String> EVENTS = List.of("published", "updated", "unpublished", "deleted");
  private static final Set<String> STATUSES =
      Set.of(WebhookMessage.PENDING, WebhookMessage.DELIVERED, WebhookMessage.DEAD);

  private final Transactions transactions;
  private final Memberships memberships;
  private final Targets targets;
  private final Clock clock;

  WebhookService(Transactions transactions, Memberships memberships, Targets targets, Clock clock) {
    this.transactions = transactions;
    this.memberships = memberships;
    this.targets = targets;
    this.clock = clock;
  }

  /**
   * Subscribes a URL to a channel's events from now on: the entries the channel shows now are
   * recorded as already announced, so that the first edit of one is an {@code updated}. Returns the
   * signing secret, which is never shown again.
   */
  public CreatedSubscription create(String tenant, SubscriptionInput input, Actor actor) {
    return transactions.write(
        em -> {
          Access.require(em, actor, tenant, Action.TENANT_SETTINGS);
          new TenantQueries(em).require(tenant);
          // Holding the dispatcher's position keeps it from turning changes into messages while
          // the channel's current content is recorded: each change is then either already in
          // that record or announced to the new subscription, never neither.
          em.find(DispatchPosition.class, DispatchPosition.ID, LockModeType.PESSIMISTIC_WRITE);
          SubscriptionInput valid = validate(em, tenant, input);
          String secret = Signatures.newSecret();
          Subscription subscription =
              new Subscription(
                  UUID.randomUUID(),
                  tenant,
                  valid.channel(),
                  valid.url(),
                  valid.events(),
                  secret,
                  Audit.created(actor.recordedName(), clock.instant()));
          em.persist(subscription);
          em.flush();
          AuditLog.record(
              em,
              clock,
              actor,
              AuditLog.WEBHOOK_CREATED,
              tenant,
              "webhook " + subscription.id(),
              valid.channel() + " " + valid.url());
          memberships.seed(em, subscription);
          return new CreatedSubscription(subscription.view(), secret);
        });
  }

  public List<SubscriptionView> list(String tenant, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.TENANT_SETTINGS);
          new TenantQueries(em).require(tenant);
          return new WebhookQueries(em)
              .subscriptionsOf(tenant).stream().map(Subscription::view).toList();
        });
  }

  public SubscriptionView get(String tenant, String id, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.TENANT_SETTINGS);
          return require(em, tenant, id).view();
        });
  }

  /** Removes the subscription with its messages; nothing more is sent to it. */
  public void delete(String tenant, String id, Actor actor) {
    transactions.write(
        em -> {
          Access.require(em, actor, tenant, Action.TENANT_SETTINGS);
          Subscription subscription = require(em, tenant, id);
          new WebhookQueries(em).deleteMessagesAndMemberships(subscription.id());
          em.remove(subscription);
          AuditLog.record(
              em, clock, actor, AuditLog.WEBHOOK_DELETED, tenant, "webhook " + id, null);
          return null;
        });
  }

  /** Stops sending to the subscription; its pending messages wait (and can be replayed). */
  public SubscriptionView disable(String tenant, String id, String reason, Actor actor) {
    return transactions.write(
        em -> {
          Access.require(em, actor, tenant, Action.TENANT_SETTINGS);
          Subscription subscription = require(em, tenant, id);
          subscription.disable(reason, actor.recordedName(), clock.instant());
          AuditLog.record(
              em, clock, actor, AuditLog.WEBHOOK_DISABLED, tenant, "webhook " + id, reason);
          em.flush();
          return subscription.view();
        });
  }

  /** The subscription's messages, newest first; all of them, or those with one status. */
  public List<MessageView> messages(
      String tenant, String id, String status, int limit, Actor actor) {
    if (status != null && !STATUSES.contains(status)) {
      throw StorybankException.invalid("status", "must be one of pending, delivered, dead");
    }
    if (limit < 1 || limit > 500) {
      throw StorybankException.invalid("limit", "must be between 1 and 500");
    }
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.TENANT_SETTINGS);
          Subscription subscription = require(em, tenant, id);
          return new WebhookQueries(em)
              .messages(subscription.id(), status, limit).stream()
                  .map(WebhookMessage::view)
                  .toList();
        });
  }

  /**
   * Sends a dead or delivered message again, as soon as a sender is free, with the same {@code
   * webhook-id} so that a receiver that already has it can drop it.
   */
  public MessageView replay(String tenant, String id, String messageId, Actor actor) {
    return transactions.write(
        em -> {
          Access.require(em, actor, tenant, Action.TENANT_SETTINGS);
          Subscription subscription = require(em, tenant, id);
          WebhookMessage message = em.find(WebhookMessage.class, messageId);
          if (message == null || !message.subscription().equals(subscription.id())) {
            throw StorybankException.notFound(
                "Webhook subscription " + id + " has no message '" + messageId + "'.");
          }
          if (!subscription.active()) {
            throw StorybankException.conflict(
                "Webhook subscription " + id + " is disabled; subscribe the URL again.");
          }
          if (WebhookMessage.PENDING.equals(message.status())) {
            throw StorybankException.conflict(
                "Message " + messageId + " is still pending; it will be sent at its next attempt.");
          }
          message.replay(clock.instant());
          AuditLog.record(
              em, clock, actor, AuditLog.WEBHOOK_REPLAYED, tenant, "webhook " + id, messageId);
          em.flush();
          return message.view();
        });
  }

  static Subscription require(EntityManager em, String tenant, String id) {
    new TenantQueries(em).require(tenant);
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      uuid = null;
    }
    Subscription subscription = uuid == null ? null : em.find(Subscription.class, uuid);
    if (subscription == null || !subscription.tenant().equals(tenant)) {
      throw StorybankException.notFound("Tenant " + tenant + " has no webhook '" + id + "'.");
    }
    return subscription;
  }

  private SubscriptionInput validate(EntityManager em, String tenant, SubscriptionInput input) {
    Violations v = new Violations();
    if (input.channel() == null || input.channel().isBlank()) {
      v.add("channel", "is required: the code of the channel whose events to send");
    } else if (!new ChannelQueries(em).exists(tenant, input.channel())) {
      v.add("channel", "'" + input.channel() + "' is not a channel of tenant " + tenant);
    }
    if (input.url() == null || input.url().isBlank()) {
      v.add("url", "is required: the https URL that receives the events");
    } else if (input.url().length() > 2000) {
      v.add("url", "must be at most 2000 characters");
    } else {
      String refusal = targets.refusal(input.url().strip());
      if (refusal != null) {
        v.add("url", refusal);
      }
    }
    Set<String> events = new LinkedHashSet<>();
    for (String event : input.events()) {
      if (!EVENTS.contains(event)) {
        v.add("events", "'" + event + "' is not an event; use some of " + EVENTS);
      }
      events.add(event);
    }
    v.throwIfAny();
    List<String> chosen = events.isEmpty() ? EVENTS : new ArrayList<>(events);
    return new SubscriptionInput(input.channel(), input.url().strip(), chosen);
  }

  /** The entity classes of this package, for the persistence unit. */
  public static List<Class<?>> entityClasses() {
    return List.of(
        Subscription.class, Membership.class, DispatchPosition.class, WebhookMessage.class);
  }
}
