package vn.storybank.core.error;

/** Over a rate limit; says when to try again (HTTP 429 with Retry-After). */
public class RateLimitedException extends StorybankException {
  private static final long serialVersionUID = 1L;
  private final long retryAfterSeconds;

  public RateLimitedException(String message, long retryAfterSeconds) {
    super(ErrorKind.RATE_LIMITED, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
