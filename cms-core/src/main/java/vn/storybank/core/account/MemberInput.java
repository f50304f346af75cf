package vn.storybank.core.account;

import java.util.List;

/** A person's roles in one tenant; {@code locales} for translators. */
public record MemberInput(List<String> roles, List<String> locales) {
  public MemberInput {
    roles = roles == null ? List.of() : roles;
    locales = locales == null ? List.of() : locales;
  }
}
