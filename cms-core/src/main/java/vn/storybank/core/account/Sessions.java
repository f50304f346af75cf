package vn.storybank.core.account;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.persistence.Transactions;

/** Browser sessions: started by a sign-in, ended by sign-out, a password change or a reset. */
public final class Sessions {
  private static final Duration SESSION_LENGTH = Duration.ofHours(8);

  private final Transactions transactions;
  private final Clock clock;
  private final SignIn signIn;

  public Sessions(Transactions transactions, Clock clock, SignIn signIn) {
    this.transactions = transactions;
    this.clock = clock;
    this.signIn = signIn;
  }

  /**
   * Starts a browser session if the credentials are valid (throttled and audited like HTTP Basic).
   * The session ends after eight hours, or at sign-out.
   */
  public Optional<SessionStarted> startSession(String username, String password) {
    if (username == null || password == null || !signIn.authenticate(username, password)) {
      return Optional.empty();
    }
    String secret = Secrets.random();
    String csrf = Secrets.random();
    Instant now = clock.instant();
    Instant expires = now.plus(SESSION_LENGTH);
    transactions.write(
        em -> {
          em.persist(new WebSession(sha256(secret), username, sha256(csrf), now, expires));
          return null;
        });
    return Optional.of(new SessionStarted(username, secret, csrf, expires));
  }

  /**
   * The user of a browser session. An unsafe request (anything but GET, HEAD, OPTIONS) must carry
   * the session's CSRF token: SameSite=Strict already keeps other sites' requests from carrying the
   * cookie in current browsers; the token also covers older browsers and sibling subdomains.
   *
   * @throws StorybankException FORBIDDEN when an unsafe request lacks the right token
   */
  public Optional<String> sessionUser(String secret, String csrfToken, boolean unsafe) {
    if (secret == null || secret.isBlank()) {
      return Optional.empty();
    }
    // An unknown session id is a guess, throttled per address like a token (see
    // authenticateToken); an ended or expired session is not.
    signIn.guesses().refuseIfBlocked();
    Optional<Optional<String>> found =
        transactions.read(
            em -> {
              WebSession session = em.find(WebSession.class, sha256(secret));
              if (session == null) {
                return Optional.<Optional<String>>empty();
              }
              if (!session.usableAt(clock.instant())) {
                return Optional.of(Optional.<String>empty());
              }
              if (unsafe
                  && (csrfToken == null
                      || !MessageDigest.isEqual(
                          sha256(csrfToken).getBytes(StandardCharsets.UTF_8),
                          session.csrfHash().getBytes(StandardCharsets.UTF_8)))) {
                throw StorybankException.forbidden(
                    "A request with the session cookie that changes something needs the"
                        + " session's X-CSRF-Token header.");
              }
              return Optional.of(Optional.of(session.username()));
            });
    if (found.isEmpty()) {
      signIn.guesses().wrong();
      return Optional.empty();
    }
    return found.get();
  }

  /** Ends a browser session; the cookie stops working at once. */
  public void endSession(String secret) {
    transactions.write(
        em -> {
          WebSession session = em.find(WebSession.class, sha256(secret));
          if (session != null && !session.revoked()) {
            session.revoke(clock.instant());
            AuditLog.record(
                em, clock, session.username(), AuditLog.LOGOUT, null, session.username(), null);
          }
          return null;
        });
  }

  /** Ends the user's open browser sessions but the one with this hash; returns how many. */
  static int endSessions(EntityManager em, String username, String keepHash, Instant now) {
    AccountQueries queries = new AccountQueries(em);
    return keepHash == null
        ? queries.endSessions(username, now)
        : queries.endSessionsBut(username, keepHash, now);
  }

  private static String sha256(String text) {
    return Secrets.sha256(text);
  }
}
