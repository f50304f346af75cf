package vn.storybank.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import vn.storybank.core.account.PasswordChanges;
import vn.storybank.core.account.PasswordReset;
import vn.storybank.core.account.UserInput;
import vn.storybank.core.account.UserView;
import vn.storybank.core.account.Users;
import vn.storybank.web.http.AdminApi;

/** Local users. Who may create and list them is the account service's decision. */
@AdminApi
@Path("admin/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class UserResource {
  private final Users users;
  private final PasswordChanges passwordChanges;

  @Inject
  public UserResource(Users users, PasswordChanges passwordChanges) {
    this.users = users;
    this.passwordChanges = passwordChanges;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(JsonNode body, @Context SecurityContext security, @Context UriInfo uri) {
    UserView user = users.createUser(Bodies.read(body, UserInput.class), Actor.of(security));
    return Response.created(uri.getAbsolutePathBuilder().path(user.username()).build())
        .entity(user)
        .build();
  }

  @GET
  public Map<String, List<UserView>> list(@Context SecurityContext security) {
    return Map.of("items", users.listUsers(Actor.of(security)));
  }

  /** The administrator sets someone's password; their browser sessions end. */
  @PUT
  @Path("{username}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response resetPassword(
      @PathParam("username") String username, JsonNode body, @Context SecurityContext security) {
    passwordChanges.resetPassword(
        username, Bodies.read(body, PasswordReset.class), Actor.of(security));
    return Response.noContent().build();
  }
}
