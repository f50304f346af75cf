package vn.storybank.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import vn.storybank.core.account.MemberInput;
import vn.storybank.core.account.MemberView;
import vn.storybank.core.account.Members;
import vn.storybank.web.http.AdminApi;

/** The people of a tenant and their roles there. */
@AdminApi
@Path("admin/v1/{t}/members")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class MemberResource {
  private final Members members;

  @Inject
  public MemberResource(Members members) {
    this.members = members;
  }

  @GET
  public Map<String, List<MemberView>> list(
      @PathParam("t") String tenant, @Context SecurityContext security) {
    return Map.of("items", members.listMembers(tenant, Actor.of(security)));
  }

  @GET
  @Path("{username}")
  public MemberView get(
      @PathParam("t") String tenant,
      @PathParam("username") String username,
      @Context SecurityContext security) {
    return members.getMember(tenant, username, Actor.of(security));
  }

  @PUT
  @Path("{username}")
  @Consumes(MediaType.APPLICATION_JSON)
  public MemberView put(
      @PathParam("t") String tenant,
      @PathParam("username") String username,
      JsonNode body,
      @Context SecurityContext security) {
    return members.putMember(
        tenant, username, Bodies.read(body, MemberInput.class), Actor.of(security));
  }

  @DELETE
  @Path("{username}")
  public Response remove(
      @PathParam("t") String tenant,
      @PathParam("username") String username,
      @Context SecurityContext security) {
    members.removeMember(tenant, username, Actor.of(security));
    return Response.noContent().build();
  }
}
