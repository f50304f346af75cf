package vn.storybank.core.error;

/** What went wrong, independent of the protocol that reports it. */
public enum ErrorKind {
  NOT_FOUND("not-found", "Not found"),
  FORBIDDEN("forbidden", "Forbidden"),
  TOO_MANY_REQUESTS("too-many-requests", "Too many requests"),
  INVALID("invalid", "Invalid request"),
  CONFLICT("conflict", "Conflict"),
  STALE_VERSION("stale-version", "The entry was changed by someone else"),
  UNAVAILABLE("unavailable", "Temporarily unavailable"),
  GONE("gone", "No longer available"),
  TOO_LARGE("too-large", "Too large"),
  UNSUPPORTED_TYPE("unsupported-media-type", "Unsupported file type"),
  UNPROCESSABLE("unprocessable-file", "The file cannot be processed"),
  UNAUTHORIZED("unauthorized", "Unauthorized");

  private final String slug;
  private final String title;

  ErrorKind(String slug, String title) {
    this.slug = slug;
    this.title = title;
  }

  /** The last path segment of the problem type URI. */
  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }
}
