package vn.storybank.web.admin;

import jakarta.ws.rs.core.SecurityContext;

/**
 * The adapter from the request's signed-in user to the core's {@link
 * vn.storybank.core.account.Actor}: the admin API is for people (a password, a session or a
 * personal token), so every principal here is a user.
 */
public final class Actor {
  private Actor() {}

  public static vn.storybank.core.account.Actor of(SecurityContext security) {
    return vn.storybank.core.account.Actor.user(security.getUserPrincipal().getName());
  }
}
