package vn.storybank.core.account;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.core.persistence.Transactions;

/** Who is a member of a tenant, with which roles (and, for translators, which locales). */
public final class Members {
  private final Transactions transactions;
  private final Tenants tenants;
  private final Clock clock;

  public Members(Transactions transactions, Tenants tenants, Clock clock) {
    this.transactions = transactions;
    this.tenants = tenants;
    this.clock = clock;
  }

  /** Sets a person's roles in a tenant, replacing those they had. */
  public MemberView putMember(String tenant, String username, MemberInput input, Actor actor) {
    return transactions.write(
        em -> {
          Access.require(em, actor, tenant, Action.MEMBERS);
          refuseSuperAdminTarget(username, actor);
          Tenants.Known owner = tenants.require(em, tenant);
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
              v.add("locales[" + i + "]", owner.whyNot(input.locales().get(i)));
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
              clock,
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
          tenants.require(em, tenant);
          return new AccountQueries(em).membersOf(tenant).stream().map(MemberView::of).toList();
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
              clock,
              actor.recordedName(),
              AuditLog.MEMBER_REMOVED,
              tenant,
              username,
              "was " + describe(member));
          em.remove(member);
          return null;
        });
  }

  private Membership requireMember(EntityManager em, String tenant, String username) {
    tenants.require(em, tenant);
    Membership member =
        username == null ? null : em.find(Membership.class, new Membership.Key(username, tenant));
    if (member == null) {
      throw StorybankException.notFound(
          "'" + username + "' is not a member of tenant " + tenant + ".");
    }
    return member;
  }
}
