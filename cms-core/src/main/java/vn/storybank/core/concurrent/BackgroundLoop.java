package vn.storybank.core.concurrent;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work a node repeats on a background thread of its own until {@link #close()}: the publishing
 * scheduler, the partner usage flush, the webhook dispatcher and sender, the search follower.
 *
 * <p>A round that throws is logged with its stack trace and the loop goes on after {@link
 * Pace#afterFailure}: a database that is down for a while must not end the loop. While the same
 * failure repeats, only its first occurrence is a warning (the others are logged at FINE), so an
 * outage of an hour does not write thousands of stack traces; the round that works again says so.
 * An {@link Error} is logged and ends the loop: the process is then in no state to go on.
 *
 * <p>{@link #close()} never interrupts a round: an interrupt closes the file channels of Lucene and
 * H2 under the thread that is using them. It lets the running round finish (waiting at most {@link
 * Pace#stopWithin}) and cancels the waits.
 */
public final class BackgroundLoop implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(BackgroundLoop.class.getName());
  private static final Duration STOP_WITHIN = Duration.ofSeconds(10);

  /**
   * When the rounds run.
   *
   * @param first the wait before the first round
   * @param idle the wait after a round that left nothing to do at once
   * @param afterFailure the wait after a round that threw
   * @param stopWithin how long {@link #close()} waits for a running round
   */
  public record Pace(Duration first, Duration idle, Duration afterFailure, Duration stopWithin) {
    public Pace {
      for (Duration d : new Duration[] {first, idle, afterFailure, stopWithin}) {
        if (Objects.requireNonNull(d).isNegative()) {
          throw new IllegalArgumentException("A wait cannot be negative: " + d);
        }
      }
    }

    /** A round every {@code period}, the first after one period; a failed round waits it too. */
    public static Pace every(Duration period) {
      return new Pace(period, period, period, STOP_WITHIN);
    }

    /**
     * The first round at once, then rounds back to back while they report more work, and {@code
     * idle} after a round that found none (or failed).
     */
    public static Pace draining(Duration idle) {
      return new Pace(Duration.ZERO, idle, idle, STOP_WITHIN);
    }

    public Pace afterFailure(Duration wait) {
      return new Pace(first, idle, wait, stopWithin);
    }

    public Pace stopWithin(Duration wait) {
      return new Pace(first, idle, afterFailure, wait);
    }
  }

  private final String name;
  private final Pace pace;
  private final BooleanSupplier round;
  private final ScheduledThreadPoolExecutor thread;
  private volatile boolean closed;
  private String lastFailure; // confined to the loop's thread
  private int failuresInARow; // confined to the loop's thread

  private BackgroundLoop(String name, Pace pace, BooleanSupplier round) {
    this.name = name;
    this.pace = pace;
    this.round = round;
    this.thread =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    // At close, pending waits are dropped; only a round already running is let finish.
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /**
   * Starts a loop on a daemon thread called {@code name}.
   *
   * @param round one round of the work; returns true when there is more to do at once (a full
   *     batch), false to wait {@link Pace#idle}
   */
  public static BackgroundLoop start(String name, Pace pace, BooleanSupplier round) {
    BackgroundLoop loop = new BackgroundLoop(name, pace, round);
    loop.next(pace.first());
    return loop;
  }

  /** Runs {@code work} every {@code period} (see {@link Pace#every}). */
  public static BackgroundLoop every(String name, Duration period, Runnable work) {
    return start(
        name,
        Pace.every(period),
        () -> {
          work.run();
          return false;
        });
  }

  private void next(Duration wait) {
    if (closed) {
      return;
    }
    try {
      thread.schedule(this::runRound, wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // closed meanwhile
    }
  }

  private void runRound() {
    boolean more;
    try {
      more = round.getAsBoolean();
    } catch (RuntimeException e) {
      failed(e);
      next(pace.afterFailure());
      return;
    } catch (Error e) {
      LOG.log(Level.SEVERE, e, () -> name + " stopped: " + e);
      throw e;
    }
    if (failuresInARow > 0) {
      int failures = failuresInARow;
      LOG.info(() -> name + " works again after " + failures + " failed rounds");
      failuresInARow = 0;
      lastFailure = null;
    }
    next(more ? Duration.ZERO : pace.idle());
  }

  private void failed(RuntimeException e) {
    failuresInARow++;
    String failure = e.getClass().getName() + ": " + e.getMessage();
    boolean repeated = failure.equals(lastFailure);
    lastFailure = failure;
    LOG.log(
        repeated ? Level.FINE : Level.WARNING,
        e,
        () -> name + " failed; it runs again in " + pace.afterFailure().toMillis() + " ms");
  }

  /**
   * Stops the loop: waits for a running round (at most {@link Pace#stopWithin}), never starts one.
   */
  @Override
  public void close() {
    closed = true;
    thread.shutdown();
    try {
      if (!thread.awaitTermination(pace.stopWithin().toNanos(), TimeUnit.NANOSECONDS)) {
        LOG.warning(() -> name + " is still running a round; it is left to finish on its own");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
