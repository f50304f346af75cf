package vn.storybank.core.account;

import java.time.Duration;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;

/** Too many failed sign-ins: try again after {@link #retryAfter()}. */
public final class Throttled extends StorybankException {
  private static final long serialVersionUID = 1L;
  private final Duration retryAfter;

  Throttled(Duration retryAfter) {
    super(
        ErrorKind.TOO_MANY_REQUESTS,
        "Too many failed sign-ins for this user or from this address; try again in "
            + Math.max(1, retryAfter.toSeconds())
            + " seconds.");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
