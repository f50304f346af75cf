package vn.storybank.core.account;

import java.time.Duration;
import java.util.Optional;

/**
 * The sign-in throttle's count per address, for the services whose secrets name no user (partner
 * keys): a wrong secret counts against the request's address (see {@link Origin}) like a failed
 * sign-in, and a blocked address is refused before its secret is looked up, so that a hit cannot be
 * told from a miss. One count per address for every kind of secret, so that a guesser gets 20 tries
 * per window in all rather than 20 for each kind.
 */
public final class Guesses {
  private final LoginThrottle throttle;

  Guesses(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  /**
   * @throws Throttled if the request's address has made too many wrong guesses or sign-ins
   */
  public void refuseIfBlocked() {
    Optional<Duration> wait = throttle.blocked(Origin.address());
    if (wait.isPresent()) {
      throw new Throttled(wait.get());
    }
  }

  /** Counts a secret that matches nothing against the request's address. */
  public void wrong() {
    throttle.failed(Origin.address());
  }
}
