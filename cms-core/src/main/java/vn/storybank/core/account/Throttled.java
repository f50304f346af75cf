package vn.storybank.core.account;

import java.time.Duration;
import vn.storybank.core.error.RateLimitedException;

/**
 * Too many failed sign-ins, or wrong tokens, session ids or partner keys from the address: try
 * again after {@link #retryAfter()}.
 */
public final class Throttled extends RateLimitedException {
  private static final long serialVersionUID = 1L;
  private final Duration retryAfter;

  Throttled(Duration retryAfter) {
    super(
        "Too many wrong passwords, tokens or keys for this user or from this address; try again"
            + " in "
            + Math.max(1, retryAfter.toSeconds())
            + " seconds.",
        Math.max(1, retryAfter.toSeconds()));
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
