package vn.storybank.web.admin;

import jakarta.ws.rs.core.SecurityContext;

/** The signed-in user's name, recorded as created-by and in the change log. */
final class Actor {
  private Actor() {}

  static String of(SecurityContext security) {
    return security.getUserPrincipal().getName();
  }
}
