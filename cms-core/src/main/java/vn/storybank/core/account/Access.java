package vn.storybank.core.account;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.storybank.core.error.StorybankException;

/**
 * The permission check every service makes at the top of an operation, inside its transaction.
 * Someone who is no member of a tenant learns nothing about it: the answer is the same 404 as for a
 * tenant that does not exist. A member whose roles do not allow the action gets a 403. The
 * memberships are read on every call (one primary-key lookup in the open transaction), so a role
 * change takes effect at once on every node.
 */
public final class Access {
  private Access() {}

  /**
   * The bootstrap administrator is the super-admin of every tenant; the scheduler and the system
   * act with no membership either.
   */
  public static boolean isSuperAdmin(Actor actor) {
    return actor != null && actor.unrestricted();
  }

  public static void require(EntityManager em, Actor actor, String tenant, Action action) {
    require(em, actor, tenant, action, null);
  }

  /**
   * @param locale for {@link Action#WRITE_TRANSLATION}: the locale written (translators are limited
   *     to theirs)
   */
  public static void require(
      EntityManager em, Actor actor, String tenant, Action action, String locale) {
    if (isSuperAdmin(actor)) {
      return;
    }
    Membership member = membership(em, actor, tenant);
    if (!allows(member, action, locale)) {
      throw StorybankException.forbidden(
          "Your roles in tenant "
              + tenant
              + " ("
              + member.roles().stream().map(Role::code).collect(Collectors.joining(", "))
              + (member.locales().isEmpty() ? "" : "; locales " + member.locales())
              + ") do not allow you to "
              + action.description()
              + (locale == null ? "" : " in " + locale)
              + ".");
    }
  }

  /**
   * A 404 for a tenant the actor is no member of, before anything else about the request is looked
   * at (a locale the tenant lacks would otherwise tell which locales it has).
   */
  public static void requireMember(EntityManager em, Actor actor, String tenant) {
    if (!isSuperAdmin(actor)) {
      membership(em, actor, tenant);
    }
  }

  /** Whether the actor may do this; still a 404 for a tenant they are no member of. */
  public static boolean allows(EntityManager em, Actor actor, String tenant, Action action) {
    return isSuperAdmin(actor) || allows(membership(em, actor, tenant), action, null);
  }

  /** The tenants where the actor may do this; null for the super-admin (every tenant). */
  public static List<String> tenantsAllowing(EntityManager em, Actor actor, Action action) {
    if (isSuperAdmin(actor)) {
      return null;
    }
    return new AccountQueries(em)
        .membershipsOf(actor.recordedName()).stream()
            .filter(m -> allows(m, action, null))
            .map(Membership::tenant)
            .toList();
  }

  private static Membership membership(EntityManager em, Actor actor, String tenant) {
    Membership member =
        !(actor instanceof Actor.User user) || tenant == null
            ? null
            : em.find(Membership.class, new Membership.Key(user.username(), tenant));
    if (member == null) {
      throw StorybankException.notFound("There is no tenant '" + tenant + "'.");
    }
    return member;
  }

  private static boolean allows(Membership member, Action action, String locale) {
    Set<Role> roles = member.roles();
    for (Role role : roles) {
      if (role.allows(action)
          && (action != Action.WRITE_TRANSLATION
              || !role.limitedToLocales()
              || locale == null
              || member.locales().contains(locale))) {
        return true;
      }
    }
    return false;
  }
}
