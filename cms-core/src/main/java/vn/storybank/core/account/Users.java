package vn.storybank.core.account;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.core.persistence.Transactions;

/** Local accounts: the bootstrap administrator, new accounts, the list and the signed-in user. */
public final class Users {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");

  private final Transactions transactions;
  private final Clock clock;

  public Users(Transactions transactions, Clock clock) {
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
          AppUser admin = em.find(AppUser.class, Actor.SUPER_ADMIN_NAME);
          Instant now = clock.instant();
          if (configuredPassword.isPresent()) {
            if (admin == null) {
              em.persist(
                  new AppUser(
                      Actor.SUPER_ADMIN_NAME,
                      Passwords.hash(configuredPassword.get()),
                      "Administrator",
                      now));
            } else if (!Passwords.matches(configuredPassword.get(), admin.passwordHash())) {
              admin.changePassword(Passwords.hash(configuredPassword.get()), now);
            }
            return Optional.empty();
          }
          if (admin != null) {
            return Optional.empty();
          }
          String generated = Passwords.generate();
          em.persist(
              new AppUser(Actor.SUPER_ADMIN_NAME, Passwords.hash(generated), "Administrator", now));
          return Optional.of(generated);
        });
  }

  /** Creates a local account. The super-admin and tenant admins may create accounts. */
  public UserView createUser(UserInput input, Actor actor) {
    return transactions.write(
        em -> {
          requireSomeAdmin(em, actor);
          Violations v = new Violations();
          String username =
              input.username() == null ? null : input.username().strip().toLowerCase(Locale.ROOT);
          if (username == null || !USERNAME.matcher(username).matches()) {
            v.add(
                "username",
                "must be 2-100 lower-case letters, digits or . _ @ -, starting with a letter or"
                    + " digit");
          } else if (Actor.PROCESS_NAMES.contains(username)) {
            v.add(
                "username",
                "'"
                    + username
                    + "' is how the audit log names a job of the server; choose another");
          }
          PasswordPolicy.check(username, input.password(), v);
          v.maxLength("displayName", input.displayName(), 200);
          v.throwIfAny();
          if (em.find(AppUser.class, username) != null) {
            throw StorybankException.conflict("There is already a user '" + username + "'.");
          }
          Instant now = clock.instant();
          AppUser user =
              new AppUser(
                  username,
                  Passwords.hash(input.password()),
                  input.displayName() == null ? null : input.displayName().strip(),
                  now);
          em.persist(user);
          AuditLog.record(
              em, clock, actor.recordedName(), AuditLog.USER_CREATED, null, username, null);
          return userView(em, user, actor);
        });
  }

  /** Every account; memberships only of the tenants the viewer administers. */
  public List<UserView> listUsers(Actor actor) {
    return transactions.read(
        em -> {
          requireSomeAdmin(em, actor);
          return new AccountQueries(em).users().stream().map(u -> userView(em, u, actor)).toList();
        });
  }

  /** The signed-in user with all their memberships. */
  public UserView me(Actor actor) {
    return transactions.read(
        em -> {
          AppUser user = em.find(AppUser.class, actor.recordedName());
          if (user == null) {
            throw StorybankException.notFound("There is no user '" + actor.recordedName() + "'.");
          }
          return userView(em, user, actor);
        });
  }

  private static UserView userView(EntityManager em, AppUser user, Actor viewer) {
    List<String> visible =
        viewer.recordedName().equals(user.username())
            ? null
            : Access.tenantsAllowing(em, viewer, Action.MEMBERS);
    List<MemberView> memberships =
        new AccountQueries(em)
            .membershipsOf(user.username()).stream()
                .filter(m -> visible == null || visible.contains(m.tenant()))
                .map(MemberView::of)
                .toList();
    return new UserView(
        user.username(),
        user.displayName(),
        Actor.isSuperAdmin(user.username()),
        user.createdAt(),
        memberships);
  }

  private static void requireSomeAdmin(EntityManager em, Actor actor) {
    List<String> administered = Access.tenantsAllowing(em, actor, Action.MEMBERS);
    if (administered != null && administered.isEmpty()) {
      throw StorybankException.forbidden(
          "Only the administrator and tenant admins manage user accounts.");
    }
  }
}
