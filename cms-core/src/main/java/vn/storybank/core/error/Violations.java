package vn.storybank.core.error;

import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of a request so that the client sees them all at once. */
public final class Violations {
  private final List<FieldError> errors = new ArrayList<>();

  public Violations add(String field, String message) {
    errors.add(new FieldError(field, message));
    return this;
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** A required text: present and not blank, at most {@code max} characters. */
  public void requireText(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      add(field, "is required");
    } else {
      maxLength(field, value, max);
    }
  }

  public void maxLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      add(field, "must be at most " + max + " characters (has " + value.length() + ")");
    }
  }

  /**
   * A list kept in one column of {@code max} characters, joined with a one-character separator: the
   * whole must fit, as one text would.
   */
  public void maxJoinedLength(String field, java.util.Collection<String> values, int max) {
    int length = -1;
    for (String value : values) {
      length += (value == null ? 0 : value.length()) + 1;
    }
    if (length > max) {
      add(
          field,
          "must be at most "
              + max
              + " characters together, counting one separator between values (has "
              + length
              + ")");
    }
  }

  public void throwIfAny() {
    if (errors.isEmpty()) {
      return;
    }
    String summary =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid: " + fieldNames();
    throw new StorybankException(ErrorKind.INVALID, summary, errors);
  }

  private String fieldNames() {
    return String.join(", ", errors.stream().map(FieldError::field).toList());
  }
}
