package vn.storybank.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.account.IssuedToken;
import vn.storybank.core.account.PasswordChange;
import vn.storybank.core.account.PasswordChanges;
import vn.storybank.core.account.TokenInput;
import vn.storybank.core.account.TokenView;
import vn.storybank.core.account.Tokens;
import vn.storybank.core.account.UserView;
import vn.storybank.core.account.Users;
import vn.storybank.core.error.StorybankException;
import vn.storybank.web.http.AdminApi;
import vn.storybank.web.http.BasicAuthFilter;

/** The signed-in user: their memberships, password and personal API tokens. */
@AdminApi
@Path("admin/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class MeResource {
  private final Users users;
  private final PasswordChanges passwordChanges;
  private final Tokens tokens;

  @Inject
  public MeResource(Users users, PasswordChanges passwordChanges, Tokens tokens) {
    this.users = users;
    this.passwordChanges = passwordChanges;
    this.tokens = tokens;
  }

  @GET
  public UserView me(@Context SecurityContext security) {
    return users.me(Actor.of(security));
  }

  /**
   * Changes the caller's password. Signed in with a session cookie, that session stays and the
   * user's other sessions end; otherwise all of them end.
   */
  @PUT
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response changePassword(
      JsonNode body,
      @CookieParam(BasicAuthFilter.SESSION_COOKIE) String session,
      @Context SecurityContext security) {
    boolean bySession = SecurityContext.FORM_AUTH.equals(security.getAuthenticationScheme());
    passwordChanges.changePassword(
        Bodies.read(body, PasswordChange.class), bySession ? session : null, Actor.of(security));
    return Response.noContent().build();
  }

  /** Issues a token; the response is the only place its secret ever appears. */
  @POST
  @Path("tokens")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response issue(JsonNode body, @Context SecurityContext security, @Context UriInfo uri) {
    IssuedToken issued = tokens.issueToken(Bodies.read(body, TokenInput.class), Actor.of(security));
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.created(
            uri.getAbsolutePathBuilder().path(issued.token().id().toString()).build())
        .cacheControl(noStore)
        .entity(issued)
        .build();
  }

  @GET
  @Path("tokens")
  public Map<String, List<TokenView>> tokens(@Context SecurityContext security) {
    return Map.of("items", tokens.listTokens(Actor.of(security)));
  }

  @DELETE
  @Path("tokens/{id}")
  public TokenView revoke(@PathParam("id") String id, @Context SecurityContext security) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw StorybankException.notFound("You have no token '" + id + "': ids are UUIDs.");
    }
    return tokens.revokeToken(uuid, Actor.of(security));
  }
}
