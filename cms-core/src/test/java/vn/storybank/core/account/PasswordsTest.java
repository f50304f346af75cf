package vn.storybank.core.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {
  @Test
  void hashesAreSaltedAndVerify() {
    String a = Passwords.hash("mật khẩu");
    String b = Passwords.hash("mật khẩu");
    assertNotEquals(a, b, "each hash has its own salt");
    assertTrue(Passwords.matches("mật khẩu", a));
    assertFalse(Passwords.matches("mat khau", a));
    assertFalse(Passwords.matches("x", "not-a-hash"));
  }

  @Test
  void generatedPasswordsAreLongAndDistinct() {
    String p = Passwords.generate();
    assertTrue(p.length() >= 20);
    assertNotEquals(p, Passwords.generate());
  }
}
