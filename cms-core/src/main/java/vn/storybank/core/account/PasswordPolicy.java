package vn.storybank.core.account;

import java.util.Locale;
import vn.storybank.core.error.Violations;

/** What a new password must be, for new accounts, changes and resets alike. */
final class PasswordPolicy {
  static final int MIN_PASSWORD = 12;

  private PasswordPolicy() {}

  /**
   * The password policy: long enough to resist guessing (NIST SP 800-63B asks for at least 8; we
   * ask 12 since there is no second factor), not built on the username, not one repeated pattern.
   */
  static void check(String username, String password, Violations v) {
    check(username, password, "password", v);
  }

  static void check(String username, String password, String field, Violations v) {
    if (password == null || password.length() < MIN_PASSWORD) {
      v.add(field, "must have at least " + MIN_PASSWORD + " characters");
    } else if (password.length() > 256) {
      v.add(field, "must have at most 256 characters");
    } else if (username != null
        && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      v.add(field, "must not contain the username");
    } else if (password.chars().distinct().count() < 5) {
      v.add(field, "must use at least 5 different characters");
    }
  }
}
