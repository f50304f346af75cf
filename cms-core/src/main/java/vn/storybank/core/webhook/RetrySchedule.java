package vn.storybank.core.webhook;

import java.time.Duration;
import java.util.List;

/**
 * When to try again after a failed attempt: the Standard Webhooks example schedule, ten attempts
 * over about three days, then the message is dead (and replayable from the admin API).
 */
final class RetrySchedule {
  static final List<Duration> DELAYS =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(14),
          Duration.ofHours(20),
          Duration.ofHours(24));

  /** Attempts in all: the first, then one after each delay. */
  static final int ATTEMPTS = DELAYS.size() + 1;

  /** A receiver's Retry-After is honoured up to this, so that it cannot park a message forever. */
  static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

  private RetrySchedule() {}

  /**
   * The wait after the {@code attempts}-th failed attempt, or null when it was the last one. A
   * Retry-After from the receiver (429, 503) replaces the schedule's delay.
   */
  static Duration after(int attempts, Duration retryAfter) {
    if (attempts >= ATTEMPTS) {
      return null;
    }
    if (retryAfter != null) {
      return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
    }
    return DELAYS.get(attempts - 1);
  }
}
