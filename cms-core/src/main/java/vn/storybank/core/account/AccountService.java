package vn.storybank.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.storybank.core.persistence.Transactions;

/**
 * The bootstrap administrator and password checks. Hashes are deliberately slow, so a successful
 * check is remembered for a few minutes (keyed by a fast hash of the credentials) to keep API calls
 * with HTTP Basic fast.
 */
public final class AccountService {
  public static final String ADMIN = "admin";
  private static final Duration REMEMBER = Duration.ofMinutes(5);
  private final Transactions transactions;
  private final Clock clock;
  private final Map<String, Instant> verified = new ConcurrentHashMap<>();

  public AccountService(Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Makes sure the administrator exists. With a configured password it is (re)set to that one;
   * without, a password is generated on the first start only.
   *
   * @return the generated password, to be shown once, if one was generated
   */
  public Optional<String> ensureAdmin(Optional<String> configuredPassword) {
    return transactions.write(
        em -> {
          AppUser admin = em.find(AppUser.class, ADMIN);
          Instant now = clock.instant();
          if (configuredPassword.isPresent()) {
            if (admin == null) {
              em.persist(
                  new AppUser(
                      ADMIN, Passwords.hash(configuredPassword.get()), "Administrator", now));
            } else if (!Passwords.matches(configuredPassword.get(), admin.passwordHash())) {
              admin.changePassword(Passwords.hash(configuredPassword.get()), now);
            }
            return Optional.empty();
          }
          if (admin != null) {
            return Optional.empty();
          }
          String generated = Passwords.generate();
          em.persist(new AppUser(ADMIN, Passwords.hash(generated), "Administrator", now));
          return Optional.of(generated);
        });
  }

  /** Whether the user exists and the password is theirs. */
  public boolean authenticate(String username, String password) {
    String key = fingerprint(username, password);
    Instant until = verified.get(key);
    Instant now = clock.instant();
    if (until != null && until.isAfter(now)) {
      return true;
    }
    boolean ok =
        transactions.read(
            em -> {
              AppUser user = em.find(AppUser.class, username);
              return user != null && Passwords.matches(password, user.passwordHash());
            });
    if (ok) {
      verified.put(key, now.plus(REMEMBER));
    } else {
      verified.remove(key);
    }
    return ok;
  }

  private static String fingerprint(String username, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha.digest((username + "\0" + password).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
