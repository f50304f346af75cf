package vn.storybank.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import vn.storybank.core.account.SessionStarted;
import vn.storybank.core.account.Sessions;
import vn.storybank.web.http.AdminApi;
import vn.storybank.web.http.BasicAuthFilter;
import vn.storybank.web.http.Problem;
import vn.storybank.web.http.ProblemType;

/**
 * Browser sign-in for an editor UI: a session cookie (HttpOnly, Secure, SameSite=Strict, scoped to
 * the admin API) plus a CSRF token the page sends back in {@code X-CSRF-Token} on unsafe requests.
 * Signing in needs no credentials header, so only sign-out is bound to the authentication filter.
 */
@Path("admin/v1/session")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class SessionResource {
  private final Sessions sessions;
  private final Clock clock;

  @Inject
  public SessionResource(Sessions sessions, Clock clock) {
    this.sessions = sessions;
    this.clock = clock;
  }

  /** The sign-in body. */
  record SignIn(String username, String password) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(JsonNode body) {
    SignIn input = Bodies.read(body, SignIn.class);
    Optional<SessionStarted> started = sessions.startSession(input.username(), input.password());
    if (started.isEmpty()) {
      return Problem.of(ProblemType.UNAUTHORIZED, "Those credentials are not valid.").toResponse();
    }
    SessionStarted session = started.get();
    long seconds = Math.max(0, Duration.between(clock.instant(), session.expiresAt()).toSeconds());
    return Response.status(Response.Status.CREATED)
        .header("Set-Cookie", BasicAuthFilter.sessionCookie(session.secret(), seconds))
        .header("Cache-Control", "no-store")
        .entity(
            Map.of(
                "username", session.username(),
                "csrfToken", session.csrfToken(),
                "expiresAt", session.expiresAt().toString()))
        .build();
  }

  @DELETE
  @AdminApi
  public Response end(@CookieParam(BasicAuthFilter.SESSION_COOKIE) String secret) {
    if (secret != null) {
      sessions.endSession(secret);
    }
    return Response.noContent().header("Set-Cookie", BasicAuthFilter.sessionCookie("", 0)).build();
  }
}
