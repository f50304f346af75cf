package vn.storybank.core.error;

import java.util.List;

/**
 * A failure a client can act on. The message is written for a person: it names the thing and says
 * what to do.
 */
public class StorybankException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorKind kind;
  private final transient List<FieldError> fieldErrors;
  private final String operatorDetail;

  public StorybankException(ErrorKind kind, String message) {
    this(kind, message, List.of());
  }

  public StorybankException(ErrorKind kind, String message, List<FieldError> fieldErrors) {
    this(kind, message, fieldErrors, null);
  }

  private StorybankException(
      ErrorKind kind, String message, List<FieldError> fieldErrors, String operatorDetail) {
    super(message);
    this.kind = kind;
    this.fieldErrors = List.copyOf(fieldErrors);
    this.operatorDetail = operatorDetail;
  }

  /**
   * Storage out of reach: the client (possibly an anonymous reader) is told to try again, and only
   * the server log gets the detail (folder, bucket, endpoint, the underlying error).
   */
  public static StorybankException unavailable(String message, String operatorDetail) {
    return new StorybankException(ErrorKind.UNAVAILABLE, message, List.of(), operatorDetail);
  }

  /**
   * What operators need to find the cause, for the server log only; null when the message says all.
   */
  public String operatorDetail() {
    return operatorDetail;
  }

  public ErrorKind kind() {
    return kind;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  public static StorybankException notFound(String message) {
    return new StorybankException(ErrorKind.NOT_FOUND, message);
  }

  public static StorybankException invalid(String field, String message) {
    return new StorybankException(
        ErrorKind.INVALID, field + ": " + message, List.of(new FieldError(field, message)));
  }

  public static StorybankException forbidden(String message) {
    return new StorybankException(ErrorKind.FORBIDDEN, message);
  }

  public static StorybankException conflict(String message) {
    return new StorybankException(ErrorKind.CONFLICT, message);
  }
}
