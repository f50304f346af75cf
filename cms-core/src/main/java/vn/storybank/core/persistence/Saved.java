package vn.storybank.core.persistence;

import java.util.List;

/**
 * The result of a create-or-replace: the stored value, whether it was new, and what was stored
 * differently from how it was given (the client must be told, never left to find out).
 */
public record Saved<T>(T value, boolean created, List<Notice> notices) {
  public Saved {
    notices = List.copyOf(notices);
  }

  public Saved(T value, boolean created) {
    this(value, created, List.of());
  }

  /**
   * A value stored in another form than the one given, such as a deprecated language tag replaced
   * by its preferred value.
   *
   * @param field the request field, as in validation errors ({@code locales[0].tag})
   * @param given the value as given
   * @param stored the value as stored
   * @param message what changed and why, for a person
   */
  public record Notice(String field, String given, String stored, String message) {}
}
