package vn.storybank.web.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import vn.storybank.core.Storybank;

/**
 * The admin API needs a signed-in user (HTTP Basic; until the security issue lands, the bootstrap
 * administrator). Nothing under /api/admin is readable or writable anonymously.
 */
@Provider
@AdminApi
@Dependent
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthFilter implements ContainerRequestFilter {
  private final Storybank storybank;

  @Inject
  public BasicAuthFilter(Storybank storybank) {
    this.storybank = storybank;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String user = authenticatedUser(header);
    if (user == null) {
      request.abortWith(
          Response.fromResponse(
                  Problem.of(
                          "unauthorized",
                          "Unauthorized",
                          401,
                          header == null
                              ? "The admin API needs HTTP Basic credentials (user admin)."
                              : "Those credentials are not valid.")
                      .toResponse())
              .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Storybank\", charset=\"UTF-8\"")
              .build());
      return;
    }
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return () -> user;
          }

          @Override
          public boolean isUserInRole(String role) {
            return "admin".equals(role);
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return SecurityContext.BASIC_AUTH;
          }
        });
  }

  private String authenticatedUser(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String user = decoded.substring(0, colon);
    return storybank.accounts().authenticate(user, decoded.substring(colon + 1)) ? user : null;
  }
}
