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
import java.util.Optional;
import vn.storybank.core.account.Sessions;
import vn.storybank.core.account.SignIn;
import vn.storybank.core.account.Throttled;
import vn.storybank.core.error.StorybankException;

/**
 * The admin API needs a signed-in user: HTTP Basic with a local account (the bootstrap
 * administrator included) or {@code Authorization: Bearer <token>} with a personal API token.
 * Nothing under /api/admin is readable or writable anonymously. What the user may do is decided by
 * the services, per tenant.
 */
@Provider
@AdminApi
@Dependent
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthFilter implements ContainerRequestFilter {
  public static final String SESSION_COOKIE = "storybank_session";

  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final java.util.Set<String> SAFE = java.util.Set.of("GET", "HEAD", "OPTIONS");
  private final Sessions sessions;
  private final SignIn signIn;

  @Inject
  public BasicAuthFilter(Sessions sessions, SignIn signIn) {
    this.sessions = sessions;
    this.signIn = signIn;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    Optional<Signed> signed;
    try {
      signed = header == null ? session(request) : authenticate(header);
    } catch (StorybankException e) {
      if (!(e instanceof Throttled)) {
        // A CSRF failure (403) or a user name no account can have (400).
        request.abortWith(new StorybankExceptionMapper().toResponse(e));
        return;
      }
      Throttled throttled = (Throttled) e;
      request.abortWith(
          Response.fromResponse(
                  Problem.of(ProblemType.TOO_MANY_REQUESTS, e.getMessage()).toResponse())
              .header("Retry-After", Math.max(1, throttled.retryAfter().toSeconds()))
              .build());
      return;
    }
    if (signed.isEmpty()) {
      boolean endedSession = header == null && request.getCookies().containsKey(SESSION_COOKIE);
      Response.ResponseBuilder refused =
          Response.fromResponse(
              Problem.of(
                      ProblemType.UNAUTHORIZED,
                      endedSession
                          ? "This browser session has ended (signed out, expired or its"
                              + " password changed); sign in again."
                          : header == null
                              ? "The admin API needs HTTP Basic credentials, a Bearer token or"
                                  + " a session cookie."
                              : "Those credentials are not valid.")
                  .toResponse());
      if (endedSession) {
        // The browser forgets the cookie, so that an ended session counts once against the
        // address's sign-in throttle, not once for every call the page still makes.
        refused.header(HttpHeaders.SET_COOKIE, sessionCookie("", 0));
      }
      if (header == null && (endedSession || fromScript(request))) {
        // No Basic challenge for the editor app: the browser would hold the app's request behind
        // its own password dialog (catching what is typed next), where the app shows sign-in.
        refused.header(HttpHeaders.WWW_AUTHENTICATE, "Session realm=\"Storybank\"");
      } else {
        refused
            .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Storybank\", charset=\"UTF-8\"")
            .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Storybank\"");
      }
      request.abortWith(refused.build());
      return;
    }
    String user = signed.get().user();
    String scheme = signed.get().scheme();
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return () -> user;
          }

          @Override
          public boolean isUserInRole(String role) {
            // Roles are per tenant and checked by the services, never by container roles.
            return false;
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return scheme;
          }
        });
  }

  /**
   * The session cookie's header value: HttpOnly, Secure, SameSite=Strict, scoped to the admin API;
   * an empty value with no age removes it.
   */
  public static String sessionCookie(String value, long maxAgeSeconds) {
    return SESSION_COOKIE
        + "="
        + value
        + "; Path=/api/admin; Max-Age="
        + maxAgeSeconds
        + "; HttpOnly; Secure; SameSite=Strict";
  }

  /** A call made by a page's script (fetch), not a navigation or a client outside a browser. */
  /**
   * A call made by a page's script: browsers say so with {@code Sec-Fetch-Dest: empty} (on HTTPS
   * and localhost); the editor app also says it with {@code X-Requested-With}, wherever it runs.
   */
  private static boolean fromScript(ContainerRequestContext request) {
    return "empty".equals(request.getHeaderString("Sec-Fetch-Dest"))
        || "storybank-app".equals(request.getHeaderString("X-Requested-With"));
  }

  private record Signed(String user, String scheme) {}

  /** A browser session cookie; unsafe methods need its CSRF token too. */
  private Optional<Signed> session(ContainerRequestContext request) {
    jakarta.ws.rs.core.Cookie cookie = request.getCookies().get(SESSION_COOKIE);
    if (cookie == null) {
      return Optional.empty();
    }
    return sessions
        .sessionUser(
            cookie.getValue(),
            request.getHeaderString(CSRF_HEADER),
            !SAFE.contains(request.getMethod()))
        .map(user -> new Signed(user, SecurityContext.FORM_AUTH));
  }

  private Optional<Signed> authenticate(String header) {
    if (header == null) {
      return Optional.empty();
    }
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return signIn
          .authenticateToken(header.substring(7).trim())
          .map(user -> new Signed(user, "Bearer"));
    }
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String user = decoded.substring(0, colon);
    return signIn.authenticate(user, decoded.substring(colon + 1))
        ? Optional.of(new Signed(user, SecurityContext.BASIC_AUTH))
        : Optional.empty();
  }
}
