package vn.storybank.core.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A role in one tenant and the actions it allows. Translators write translations only in the
 * locales assigned to them; the other roles that write translations may write any locale.
 */
public enum Role {
  ADMIN("admin", EnumSet.allOf(Action.class)),
  EDITOR(
      "editor",
      EnumSet.of(
          Action.READ_CONTENT,
          Action.READ_PUBLISHED,
          Action.WRITE_CONTENT,
          Action.WRITE_TRANSLATION,
          Action.DELETE,
          Action.MEDIA_WRITE,
          Action.TAXONOMY_WRITE,
          Action.CHANGE_LOG,
          Action.EDITOR_SEARCH)),
  TRANSLATOR(
      "translator",
      EnumSet.of(
          Action.READ_CONTENT,
          Action.READ_PUBLISHED,
          Action.WRITE_TRANSLATION,
          Action.EDITOR_SEARCH)),
  APPROVER(
      "approver",
      EnumSet.of(
          Action.READ_CONTENT,
          Action.READ_PUBLISHED,
          Action.PUBLISH,
          Action.CHANGE_LOG,
          Action.EDITOR_SEARCH)),
  MEDIA_LIBRARIAN(
      "media-librarian",
      EnumSet.of(
          Action.READ_CONTENT, Action.READ_PUBLISHED, Action.MEDIA_WRITE, Action.EDITOR_SEARCH)),
  /** Reads what is published (and downloads its media); never drafts. */
  JOURNALIST("journalist", EnumSet.of(Action.READ_PUBLISHED));

  private final String code;
  private final Set<Action> actions;

  Role(String code, Set<Action> actions) {
    this.code = code;
    this.actions = actions;
  }

  @JsonValue
  public String code() {
    return code;
  }

  public boolean allows(Action action) {
    return actions.contains(action);
  }

  /** Whether the role's translation rights are limited to assigned locales. */
  boolean limitedToLocales() {
    return this == TRANSLATOR;
  }

  public static Optional<Role> of(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }

  @JsonCreator
  static Role fromJson(String code) {
    return of(code).orElseThrow(() -> new IllegalArgumentException("unknown role " + code));
  }
}
