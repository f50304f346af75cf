package vn.storybank.core.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.delivery.SyncService;
import vn.storybank.core.persistence.Transactions;

/**
 * Webhooks assembled over the database and partner sync (which says how entries stand in a
 * channel): the admin service, the dispatcher that turns committed changes into messages, and the
 * sender. {@link #start()} runs the last two on background threads until {@link #close()}; tests
 * call {@link Dispatcher#dispatchOnce} and {@link Sender#sendDue} themselves instead.
 */
public final class Webhooks implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Webhooks.class.getName());
  private final WebhookService service;
  private final Dispatcher dispatcher;
  private final Sender sender;
  private final WebhookSettings settings;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  public Webhooks(
      Transactions transactions, SyncService sync, Clock clock, WebhookSettings settings) {
    Targets targets = new Targets(settings.allowPrivateTargets());
    Memberships memberships = new Memberships(sync);
    this.settings = settings;
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

  /** Starts the dispatcher and sender threads. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    threads.add(loop("storybank-webhook-dispatcher", () -> dispatcher.dispatchOnce(500)));
    threads.add(loop("storybank-webhook-sender", () -> sender.sendDue(50)));
  }

  private Thread loop(String name, IntSupplier work) {
    Thread thread =
        new Thread(
            () -> {
              while (running) {
                int done;
                try {
                  done = work.getAsInt();
                } catch (RuntimeException e) {
                  LOG.log(System.Logger.Level.WARNING, name + " failed; trying again", e);
                  done = 0;
                }
                if (done == 0 && running) {
                  try {
                    Thread.sleep(settings.pollInterval().toMillis());
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Stops the threads, letting attempts under way finish (at most one timeout). */
  @Override
  public synchronized void close() {
    running = false;
    for (Thread thread : threads) {
      thread.interrupt();
    }
    for (Thread thread : threads) {
      try {
        thread.join(settings.timeout().toMillis() + 5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    threads.clear();
  }
}
