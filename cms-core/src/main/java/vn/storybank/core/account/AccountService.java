package vn.storybank.core.account;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import vn.storybank.core.entry.Page;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.core.json.Characters;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.tenant.Tenant;
import vn.storybank.core.tenant.TenantService;

/**
 * Accounts, memberships, API tokens, sign-in and the audit log. Password hashes are deliberately
 * slow, so a successful check is remembered for a few minutes (keyed by a fast hash of the
 * credentials) to keep API calls with HTTP Basic fast; that check is also what counts as a sign-in
 * in the audit log, so Basic auth writes one login row per five minutes of use, not one per call.
 */
public final class AccountService {
  public static final String TOKEN_PREFIX = "sbt_";
  private static final Duration REMEMBER = Duration.ofMinutes(5);
  private static final Duration TOKEN_LOGIN_QUIET = Duration.ofMinutes(30);
  private static final Duration SESSION_LENGTH = Duration.ofHours(8);

  /** The length of the username columns; {@link #USERNAME} allows no more. */
  private static final int MAX_USERNAME = 100;

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");
  static final int MIN_PASSWORD = 12;
  private static final SecureRandom RANDOM = new SecureRandom();
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

  public AccountService(Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
    this.throttle = new LoginThrottle(clock);
    this.guesses = new Guesses(throttle);
    AuditLog.useClock(clock);
  }

  /**
   * The count of wrong secrets per address that wrong passwords, tokens and session ids go to, for
   * the other services whose secrets name no user.
   */
  public Guesses guesses() {
    return guesses;
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

  // ---------------------------------------------------------------- sign-in

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
              Optional<ApiToken> token =
                  em.createQuery(
                          "select t from ApiToken t where t.secretHash = :hash", ApiToken.class)
                      .setParameter("hash", hash)
                      .getResultStream()
                      .findFirst();
              if (token.isEmpty()) {
                return Optional.<Optional<String>>empty();
              }
              if (!token.get().usableAt(now)) {
                return Optional.of(Optional.<String>empty());
              }
              if (token.get().used(now, TOKEN_LOGIN_QUIET)) {
                AuditLog.record(
                    em,
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

  /**
   * The permission check for operations outside this module's transactions (search runs on the
   * Lucene index, not in the database).
   */
  public void require(String tenant, Action action, Actor actor) {
    transactions.read(
        em -> {
          Access.require(em, actor, tenant, action);
          return TenantService.require(em, tenant);
        });
  }

  /** Node-wide operations (the search index) belong to no tenant: the super-admin's alone. */
  public void requireSuperAdmin(Actor actor) {
    if (!Access.isSuperAdmin(actor)) {
      throw StorybankException.forbidden("Only the administrator manages this node.");
    }
  }

  // ---------------------------------------------------------------- browser sessions

  /**
   * Starts a browser session if the credentials are valid (throttled and audited like HTTP Basic).
   * The session ends after eight hours, or at sign-out.
   */
  public Optional<SessionStarted> startSession(String username, String password) {
    if (username == null || password == null || !authenticate(username, password)) {
      return Optional.empty();
    }
    String secret = randomSecret();
    String csrf = randomSecret();
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
    guesses.refuseIfBlocked();
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
      guesses.wrong();
      return Optional.empty();
    }
    return found.get();
  }

  /** Ends a browser session; the cookie stops working at once. */
  public void endSession(String secret) {
    transactions.write(
        em -> {
          WebSession session = em.find(WebSession.class, sha256(secret));
          if (session != null) {
            session.revoke(clock.instant());
          }
          return null;
        });
  }

  // ---------------------------------------------------------------- passwords

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
    checkPassword(actor.recordedName(), input.newPassword(), "newPassword", v);
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
                  endSessions(
                      em,
                      actor.recordedName(),
                      keepSession == null ? null : sha256(keepSession),
                      now);
              AuditLog.record(
                  em,
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
          checkPassword(username, input.newPassword(), "newPassword", v);
          v.throwIfAny();
          Instant now = clock.instant();
          user.changePassword(Passwords.hash(input.newPassword()), now);
          int ended = endSessions(em, username, null, now);
          AuditLog.record(
              em,
              actor.recordedName(),
              AuditLog.PASSWORD_RESET,
              null,
              username,
              ended + " session" + (ended == 1 ? "" : "s") + " ended");
          return null;
        });
    throttle.succeeded(username);
  }

  /** Ends the user's open browser sessions but the one with this hash; returns how many. */
  private static int endSessions(EntityManager em, String username, String keepHash, Instant now) {
    var update =
        em.createQuery(
                "update WebSession s set s.revokedAt = :now where s.username = :user"
                    + " and s.revokedAt is null and s.expiresAt > :now"
                    + (keepHash == null ? "" : " and s.secretHash <> :keep"))
            .setParameter("now", now)
            .setParameter("user", username);
    if (keepHash != null) {
      update.setParameter("keep", keepHash);
    }
    return update.executeUpdate();
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  // ---------------------------------------------------------------- users

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
          }
          checkPassword(username, input.password(), v);
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
          AuditLog.record(em, actor.recordedName(), AuditLog.USER_CREATED, null, username, null);
          return userView(em, user, actor);
        });
  }

  /**
   * The password policy: long enough to resist guessing (NIST SP 800-63B asks for at least 8; we
   * ask 12 since there is no second factor), not built on the username, not one repeated pattern.
   */
  static void checkPassword(String username, String password, Violations v) {
    checkPassword(username, password, "password", v);
  }

  static void checkPassword(String username, String password, String field, Violations v) {
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

  /** Every account; memberships only of the tenants the viewer administers. */
  public List<UserView> listUsers(Actor actor) {
    return transactions.read(
        em -> {
          requireSomeAdmin(em, actor);
          return em
              .createQuery("select u from AppUser u order by u.username", AppUser.class)
              .getResultList()
              .stream()
              .map(u -> userView(em, u, actor))
              .toList();
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
        em
            .createQuery(
                "select m from Membership m where m.username = :user order by m.tenant",
                Membership.class)
            .setParameter("user", user.username())
            .getResultList()
            .stream()
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

  // ---------------------------------------------------------------- members

  /** Sets a person's roles in a tenant, replacing those they had. */
  public MemberView putMember(String tenant, String username, MemberInput input, Actor actor) {
    return transactions.write(
        em -> {
          Access.require(em, actor, tenant, Action.MEMBERS);
          refuseSuperAdminTarget(username, actor);
          Tenant owner = TenantService.require(em, tenant);
          AppUser user = username == null ? null : em.find(AppUser.class, username);
          if (user == null) {
            throw StorybankException.notFound(
                "There is no user '" + username + "'; create the account first.");
          }
          Violations v = new Violations();
          Set<Role> roles = new LinkedHashSet<>();
          if (input.roles().isEmpty()) {
            v.add("roles", "must name at least one role (to remove a member, DELETE it)");
          }
          for (int i = 0; i < input.roles().size(); i++) {
            String code = input.roles().get(i);
            Optional<Role> role = Role.of(code);
            if (role.isEmpty()) {
              v.add(
                  "roles[" + i + "]",
                  "'"
                      + code
                      + "' is not a role; roles are "
                      + String.join(
                          ", ", java.util.Arrays.stream(Role.values()).map(Role::code).toList()));
            } else {
              roles.add(role.get());
            }
          }
          List<String> locales = new ArrayList<>();
          for (int i = 0; i < input.locales().size(); i++) {
            Optional<String> tag = owner.enabledLocale(input.locales().get(i));
            if (tag.isEmpty()) {
              v.add(
                  "locales[" + i + "]",
                  "'" + input.locales().get(i) + "' is not a locale of tenant " + tenant);
            } else if (!locales.contains(tag.get())) {
              locales.add(tag.get());
            }
          }
          if (roles.contains(Role.TRANSLATOR) && locales.isEmpty() && v.isEmpty()) {
            v.add("locales", "a translator needs the locales they translate into");
          }
          if (!roles.contains(Role.TRANSLATOR) && !locales.isEmpty()) {
            v.add("locales", "only translators are limited to locales");
          }
          v.throwIfAny();
          Membership member = em.find(Membership.class, new Membership.Key(username, tenant));
          String before = member == null ? "none" : describe(member);
          if (member == null) {
            member = new Membership(username, tenant);
            member.replace(roles, locales, actor.recordedName(), clock.instant());
            em.persist(member);
          } else {
            member.replace(roles, locales, actor.recordedName(), clock.instant());
          }
          AuditLog.record(
              em,
              actor.recordedName(),
              AuditLog.ROLES_CHANGED,
              tenant,
              username,
              describe(member) + " (was " + before + ")");
          return MemberView.of(member);
        });
  }

  /**
   * The administrator's memberships are the administrator's own business: a tenant admin who could
   * change them could, say, make the account that oversees every tenant look like a journalist in
   * theirs.
   */
  private static void refuseSuperAdminTarget(String username, Actor actor) {
    if (Actor.isSuperAdmin(username) && !Access.isSuperAdmin(actor)) {
      throw StorybankException.forbidden(
          "Only the administrator changes the administrator's roles in a tenant.");
    }
  }

  private static String describe(Membership m) {
    String roles = String.join(",", m.roles().stream().map(Role::code).toList());
    return m.locales().isEmpty() ? roles : roles + " in " + String.join(",", m.locales());
  }

  public MemberView getMember(String tenant, String username, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.MEMBERS);
          return MemberView.of(requireMember(em, tenant, username));
        });
  }

  public List<MemberView> listMembers(String tenant, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.MEMBERS);
          TenantService.require(em, tenant);
          return em
              .createQuery(
                  "select m from Membership m where m.tenant = :tenant order by m.username",
                  Membership.class)
              .setParameter("tenant", tenant)
              .getResultList()
              .stream()
              .map(MemberView::of)
              .toList();
        });
  }

  public void removeMember(String tenant, String username, Actor actor) {
    transactions.write(
        em -> {
          Access.require(em, actor, tenant, Action.MEMBERS);
          refuseSuperAdminTarget(username, actor);
          Membership member = requireMember(em, tenant, username);
          AuditLog.record(
              em,
              actor.recordedName(),
              AuditLog.MEMBER_REMOVED,
              tenant,
              username,
              "was " + describe(member));
          em.remove(member);
          return null;
        });
  }

  private static Membership requireMember(EntityManager em, String tenant, String username) {
    TenantService.require(em, tenant);
    Membership member =
        username == null ? null : em.find(Membership.class, new Membership.Key(username, tenant));
    if (member == null) {
      throw StorybankException.notFound(
          "'" + username + "' is not a member of tenant " + tenant + ".");
    }
    return member;
  }

  // ---------------------------------------------------------------- tokens

  /** Issues a personal API token; its secret is in the result and nowhere else, ever. */
  public IssuedToken issueToken(TokenInput input, Actor actor) {
    return transactions.write(
        em -> {
          Violations v = new Violations();
          v.requireText("name", input.name(), 200);
          Instant now = clock.instant();
          if (input.expiresAt() != null && !input.expiresAt().isAfter(now)) {
            v.add("expiresAt", "must be in the future");
          }
          v.throwIfAny();
          if (em.find(AppUser.class, actor.recordedName()) == null) {
            throw StorybankException.notFound("There is no user '" + actor.recordedName() + "'.");
          }
          byte[] bytes = new byte[32];
          RANDOM.nextBytes(bytes);
          String secret =
              TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
          ApiToken token =
              new ApiToken(
                  UUID.randomUUID(),
                  actor.recordedName(),
                  input.name().strip(),
                  sha256(secret),
                  now,
                  input.expiresAt());
          em.persist(token);
          AuditLog.record(
              em,
              actor.recordedName(),
              AuditLog.TOKEN_ISSUED,
              null,
              token.id().toString(),
              input.name().strip());
          return new IssuedToken(token.view(), secret);
        });
  }

  public List<TokenView> listTokens(Actor actor) {
    return transactions.read(
        em ->
            em
                .createQuery(
                    "select t from ApiToken t where t.username = :user order by t.createdAt desc",
                    ApiToken.class)
                .setParameter("user", actor.recordedName())
                .getResultList()
                .stream()
                .map(ApiToken::view)
                .toList());
  }

  /** Revokes one of the actor's own tokens; it stops working at once. */
  public TokenView revokeToken(UUID id, Actor actor) {
    return transactions.write(
        em -> {
          ApiToken token = id == null ? null : em.find(ApiToken.class, id);
          if (token == null || !token.username().equals(actor.recordedName())) {
            throw StorybankException.notFound("You have no token " + id + ".");
          }
          token.revoke(clock.instant());
          AuditLog.record(
              em, actor.recordedName(), AuditLog.TOKEN_REVOKED, null, id.toString(), null);
          return token.view();
        });
  }

  // ---------------------------------------------------------------- audit

  /**
   * The audit log, newest first. The super-admin sees every row; a tenant admin sees the rows of
   * the tenants they administer.
   *
   * @param cursor the {@code next} of the previous page
   */
  public Page<AuditView> audit(
      String user,
      String action,
      String tenant,
      Instant from,
      Instant to,
      String cursor,
      int limit,
      Actor actor) {
    return transactions.read(
        em -> {
          List<String> tenants;
          if (tenant != null) {
            Access.require(em, actor, tenant, Action.AUDIT);
            tenants = null;
          } else {
            tenants = Access.tenantsAllowing(em, actor, Action.AUDIT);
            if (tenants != null && tenants.isEmpty()) {
              throw StorybankException.forbidden(
                  "Only the administrator and tenant admins read the audit log.");
            }
          }
          Long before = null;
          if (cursor != null) {
            try {
              before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
              throw StorybankException.invalid("cursor", "is not a cursor this list returned");
            }
          }
          List<AuditView> rows =
              AuditLog.find(
                  em, new AuditLog.Query(user, action, tenant, from, to, tenants, before, limit));
          if (rows.size() <= limit) {
            return new Page<>(rows, null);
          }
          List<AuditView> page = rows.subList(0, limit);
          return new Page<>(List.copyOf(page), Long.toString(page.get(limit - 1).seq()));
        });
  }

  // ---------------------------------------------------------------- helpers

  private static String fingerprint(String username, String password) {
    return sha256(username + "\0" + password);
  }

  private static String sha256(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
