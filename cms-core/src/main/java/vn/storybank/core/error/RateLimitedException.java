package vn.storybank.core.error;

/** Over a rate or attempt limit; says when to try again (HTTP 429 with Retry-After). */
public class RateLimitedException extends StorybankException {
  private static final long serialVersionUID = 1L;
  private final long retryAfterSeconds;

  public RateLimitedException(String message, long retryAfterSeconds) {
    super(ErrorKind.TOO_MANY_REQUESTS, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
