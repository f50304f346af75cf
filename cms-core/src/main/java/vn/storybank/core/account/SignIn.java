package vn.storybank.core.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.storybank.core.error.Violations;
import vn.storybank.core.json.Characters;
import vn.storybank.core.persistence.Transactions;

/**
 * Sign-in with a password or a personal API token. Password hashes are deliberately slow, so a
 * successful check is remembered for a few minutes (keyed by a fast hash of the credentials) to
 * keep API calls with HTTP Basic fast; that check is also what counts as a sign-in in the audit
 * log, so Basic auth writes one login row per five minutes of use, not one per call.
 */
public final class SignIn {
  public static final String TOKEN_PREFIX = "sbt_";
  private static final Duration REMEMBER = Duration.ofMinutes(5);
  private static final Duration TOKEN_LOGIN_QUIET = Duration.ofMinutes(30);

  /** The length of the username columns; no account's name is longer. */
  static final int MAX_USERNAME = 100;

  private final Transactions transactions;
  private final Clock clock;
  private final LoginThrottle throttle;
  private final Guesses guesses;
  private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

  /**
   * A password check remembered until {@code until}, against the stored hash it matched: a changed
   * password (on any node) no longer matches that hash, so the old password stops working at once.
   */
  private record Remembered(Instant until, String passwordHash) {}

  public SignIn(Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
    this.throttle = new LoginThrottle(clock);
    this.guesses = new Guesses(throttle);
  }

  /**
   * The count of wrong secrets per address that wrong passwords, tokens and session ids go to, for
   * the other services whose secrets name no user.
   */
  public Guesses guesses() {
    return guesses;
  }

  /** The failed sign-ins per username and address; password checks elsewhere count there too. */
  LoginThrottle throttle() {
    return throttle;
  }

  /**
   * Whether the user exists and the password is theirs. The address of the request (see {@link
   * Origin}) is recorded with the attempt.
   *
   * @throws Throttled after too many failures for the username or from the address
   */
  public boolean authenticate(String username, String password) {
    // A name no account can have is refused before it reaches the database (PostgreSQL refuses
    // U+0000) or the audit log (whose username column holds 100 characters).
    Violations names = new Violations();
    names.maxLength("username", username, MAX_USERNAME);
    names.throwIfAny();
    Characters.require("username", username);
    String key = fingerprint(username, password);
    Remembered remembered = verified.get(key);
    Instant now = clock.instant();
    if (remembered != null && remembered.until().isAfter(now)) {
      // A primary-key read instead of a slow hash: still the password it was checked against?
      String stored =
          transactions.read(
              em -> {
                AppUser user = em.find(AppUser.class, username);
                return user == null ? null : user.passwordHash();
              });
      if (remembered.passwordHash().equals(stored)) {
        return true;
      }
      verified.remove(key);
    }
    String address = Origin.address();
    Optional<Duration> wait = throttle.blocked(username, address);
    if (wait.isPresent()) {
      throw new Throttled(wait.get());
    }
    String matched =
        transactions.write(
            em -> {
              AppUser user = em.find(AppUser.class, username);
              boolean matches = user != null && Passwords.matches(password, user.passwordHash());
              AuditLog.record(
                  em,
                  clock,
                  username,
                  matches ? AuditLog.LOGIN : AuditLog.LOGIN_FAILED,
                  null,
                  null,
                  "password");
              return matches ? user.passwordHash() : null;
            });
    if (matched != null) {
      throttle.succeeded(username);
      verified.put(key, new Remembered(now.plus(REMEMBER), matched));
    } else {
      throttle.failed(username, address);
      verified.remove(key);
    }
    return matched != null;
  }

  /**
   * The user a bearer token belongs to, if it is a valid, unrevoked, unexpired token. A secret that
   * is no token at all is a guess: it counts against the request's address like a failed sign-in,
   * and a blocked address is refused without looking the token up. A revoked or expired token is
   * not a guess (its holder had it) and is not counted, so a forgotten script cannot lock out its
   * office's address.
   *
   * @throws Throttled after too many failed sign-ins from the address
   */
  public Optional<String> authenticateToken(String secret) {
    guesses.refuseIfBlocked();
    if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
      guesses.wrong();
      return Optional.empty();
    }
    String hash = sha256(secret);
    Optional<Optional<String>> found =
        transactions.write(
            em -> {
              Instant now = clock.instant();
              Optional<ApiToken> token = new AccountQueries(em).tokenByHash(hash);
              if (token.isEmpty()) {
                return Optional.<Optional<String>>empty();
              }
              if (!token.get().usableAt(now)) {
                return Optional.of(Optional.<String>empty());
              }
              if (token.get().used(now, TOKEN_LOGIN_QUIET)) {
                AuditLog.record(
                    em,
                    clock,
                    token.get().username(),
                    AuditLog.LOGIN,
                    null,
                    null,
                    "token " + token.get().id());
              }
              return Optional.of(Optional.of(token.get().username()));
            });
    if (found.isEmpty()) {
      guesses.wrong();
      return Optional.empty();
    }
    return found.get();
  }

  private static String fingerprint(String username, String password) {
    return sha256(username + "\0" + password);
  }

  private static String sha256(String text) {
    return Secrets.sha256(text);
  }
}
