package vn.storybank.core.testing;

import java.time.Duration;

/**
 * Waiting in tests for what a user would wait for: polls a condition until it holds, and fails with
 * the condition's name when it does not within the timeout. Polls often at first (most conditions
 * hold within milliseconds), then every 100 ms at most, so that a long wait on an HTTP server does
 * not keep a core busy. Shared by the modules' tests through cms-core's test jar.
 */
public final class Wait {
  private static final long MAX_PAUSE_MILLIS = 100;

  private Wait() {}

  /** A condition that may do I/O (an HTTP request, a log file). */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  /**
   * Returns once {@code condition} holds; throws an {@link AssertionError} saying that {@code what}
   * did not happen within {@code timeout} otherwise.
   *
   * @param what the condition in words, as the failure should read: "the index caught up"
   */
  public static void waitUntil(String what, Duration timeout, Condition condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 1;
    try {
      while (!condition.holds()) {
        if (System.nanoTime() - deadline > 0) {
          throw new AssertionError("Waited " + timeout.toMillis() + " ms, but not: " + what);
        }
        Thread.sleep(pause);
        pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting until " + what, e);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError("Checking whether " + what + " failed", e);
    }
  }
}
