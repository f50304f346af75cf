package vn.storybank.core.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.core.persistence.Transactions;

/** A user changes their own password; the administrator resets someone's. */
public final class PasswordChanges {
  private final Transactions transactions;
  private final Clock clock;
  private final LoginThrottle throttle;

  public PasswordChanges(Transactions transactions, Clock clock, SignIn signIn) {
    this.transactions = transactions;
    this.clock = clock;
    this.throttle = signIn.throttle();
  }

  /**
   * Changes the signed-in user's own password. The current password is checked like a sign-in:
   * throttled per username and address, a wrong one counts as a failed sign-in (and is audited as
   * one). The user's other browser sessions end, since whoever changes a password may be locking
   * someone out; the session the change came from ({@code keepSession}, the cookie secret, or null)
   * stays. Personal API tokens stay valid: they are separate credentials the user revokes one by
   * one.
   *
   * @throws Throttled after too many failed checks for this username or address
   * @throws StorybankException FORBIDDEN when the current password is wrong, INVALID when the new
   *     one breaks the policy
   */
  public void changePassword(PasswordChange input, String keepSession, Actor actor) {
    Violations v = new Violations();
    if (input.currentPassword() == null || input.currentPassword().isEmpty()) {
      v.add("currentPassword", "is required");
    }
    PasswordPolicy.check(actor.recordedName(), input.newPassword(), "newPassword", v);
    if (input.newPassword() != null && input.newPassword().equals(input.currentPassword())) {
      v.add("newPassword", "must differ from the current password");
    }
    v.throwIfAny();
    String address = Origin.address();
    Optional<Duration> wait = throttle.blocked(actor.recordedName(), address);
    if (wait.isPresent()) {
      throw new Throttled(wait.get());
    }
    boolean changed =
        transactions.write(
            em -> {
              AppUser user = em.find(AppUser.class, actor.recordedName());
              if (user == null
                  || !Passwords.matches(input.currentPassword(), user.passwordHash())) {
                AuditLog.record(
                    em,
                    clock,
                    actor.recordedName(),
                    AuditLog.LOGIN_FAILED,
                    null,
                    null,
                    "current password of a change");
                return false;
              }
              Instant now = clock.instant();
              user.changePassword(Passwords.hash(input.newPassword()), now);
              int ended =
                  Sessions.endSessions(
                      em,
                      actor.recordedName(),
                      keepSession == null ? null : sha256(keepSession),
                      now);
              AuditLog.record(
                  em,
                  clock,
                  actor.recordedName(),
                  AuditLog.PASSWORD_CHANGED,
                  null,
                  actor.recordedName(),
                  ended + " other session" + (ended == 1 ? "" : "s") + " ended");
              return true;
            });
    if (!changed) {
      throttle.failed(actor.recordedName(), address);
      throw StorybankException.forbidden("That is not your current password.");
    }
    throttle.succeeded(actor.recordedName());
  }

  /**
   * Sets someone's password (they forgot it, or it leaked): the administrator's alone. Every
   * browser session of that user ends; the failed sign-ins counted against the username on this
   * node are forgotten, so the user can sign in with the new password at once.
   */
  public void resetPassword(String username, PasswordReset input, Actor actor) {
    transactions.write(
        em -> {
          if (!Access.isSuperAdmin(actor)) {
            throw StorybankException.forbidden("Only the administrator resets passwords.");
          }
          AppUser user = em.find(AppUser.class, username);
          if (user == null) {
            throw StorybankException.notFound("There is no user '" + username + "'.");
          }
          Violations v = new Violations();
          PasswordPolicy.check(username, input.newPassword(), "newPassword", v);
          v.throwIfAny();
          Instant now = clock.instant();
          user.changePassword(Passwords.hash(input.newPassword()), now);
          int ended = Sessions.endSessions(em, username, null, now);
          AuditLog.record(
              em,
              clock,
              actor.recordedName(),
              AuditLog.PASSWORD_RESET,
              null,
              username,
              ended + " session" + (ended == 1 ? "" : "s") + " ended");
          return null;
        });
    throttle.succeeded(username);
  }

  private static String sha256(String text) {
    return Secrets.sha256(text);
  }
}
