package vn.storybank.core.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.concurrent.BackgroundLoop;
import vn.storybank.core.delivery.SyncService;
import vn.storybank.core.persistence.Transactions;

/**
 * Webhooks assembled over the database and partner sync (which says how entries stand in a
 * channel): the admin service, the dispatcher that turns committed changes into messages, and the
 * sender. {@link #start()} runs the last two on background threads until {@link #close()}; tests
 * call {@link Dispatcher#dispatchOnce} and {@link Sender#sendDue} themselves instead.
 */
public final class Webhooks implements AutoCloseable {
  private final WebhookService service;
  private final Dispatcher dispatcher;
  private final Sender sender;
  private final WebhookSettings settings;
  private final Transactions transactions;
  private final List<BackgroundLoop> loops = new ArrayList<>();

  public Webhooks(
      Transactions transactions, SyncService sync, Clock clock, WebhookSettings settings) {
    Targets targets = new Targets(settings.allowPrivateTargets());
    Memberships memberships = new Memberships(sync);
    this.settings = settings;
    this.transactions = transactions;
    this.service = new WebhookService(transactions, memberships, targets, clock);
    this.dispatcher =
        new Dispatcher(
            transactions, new ChangeLog(clock), memberships, clock, settings.publicUrl());
    this.sender = new Sender(transactions, targets, clock, settings.timeout());
  }

  public WebhookService service() {
    return service;
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  public Sender sender() {
    return sender;
  }

  /**
   * The queue for /metrics: messages waiting to be delivered (first attempts and retries), messages
   * given up on, and the changes the dispatcher (one for all nodes) has not turned into messages.
   */
  public record Queue(long pending, long dead, long changesBehind) {}

  /** Reads the queue: three counts in one read-only transaction. */
  public Queue queue() {
    return transactions.read(
        em -> {
          WebhookQueries queries = new WebhookQueries(em);
          DispatchPosition position = em.find(DispatchPosition.class, DispatchPosition.ID);
          long head = ChangeLog.head(em);
          return new Queue(
              queries.countWithStatus(WebhookMessage.PENDING),
              queries.countWithStatus(WebhookMessage.DEAD),
              position == null ? head : Math.max(0, head - position.seq()));
        });
  }

  /** Starts the dispatcher and sender threads. */
  public synchronized void start() {
    if (!loops.isEmpty()) {
      return;
    }
    loops.add(loop("storybank-webhook-dispatcher", () -> dispatcher.dispatchOnce(500)));
    loops.add(loop("storybank-webhook-sender", () -> sender.sendDue(50)));
  }

  /** Works while there is work, then waits the poll interval. */
  private BackgroundLoop loop(String name, IntSupplier work) {
    return BackgroundLoop.start(
        name,
        BackgroundLoop.Pace.draining(settings.pollInterval())
            .stopWithin(settings.timeout().plusSeconds(5)),
        () -> work.getAsInt() > 0);
  }

  /** Stops the threads, letting attempts under way finish (at most one timeout). */
  @Override
  public synchronized void close() {
    loops.forEach(BackgroundLoop::close);
    loops.clear();
  }
}
