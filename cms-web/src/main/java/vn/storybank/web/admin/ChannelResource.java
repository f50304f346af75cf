package vn.storybank.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import vn.storybank.core.channel.ChannelInput;
import vn.storybank.core.channel.ChannelService;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.persistence.Saved;
import vn.storybank.web.http.AdminApi;
import vn.storybank.web.http.Preconditions;

/** A tenant's channels: who receives what, in which locales and formats. */
@AdminApi
@Path("admin/v1/{t}/channels")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class ChannelResource {
  private final ChannelService channels;

  @Inject
  public ChannelResource(ChannelService channels) {
    this.channels = channels;
  }

  @GET
  public Map<String, Object> list(
      @PathParam("t") String tenant, @Context SecurityContext security) {
    java.util.HashMap<String, Object> page = new java.util.HashMap<>();
    page.put("items", channels.list(tenant, Actor.of(security)));
    page.put("next", null);
    return page;
  }

  /** Creates a channel; the body names its {@code code}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @PathParam("t") String tenant,
      JsonNode body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    if (!(body instanceof ObjectNode object) || !object.path("code").isTextual()) {
      throw StorybankException.invalid(
          "code", "is required: the channel's name in URLs, such as en-portal");
    }
    ObjectNode input = object.deepCopy();
    String code = input.remove("code").asText();
    if (channelExists(tenant, code, Actor.of(security))) {
      throw StorybankException.conflict(
          "Tenant " + tenant + " already has a channel '" + code + "'; change it with PUT.");
    }
    Saved<ChannelView> saved =
        channels.put(tenant, code, Bodies.read(input, ChannelInput.class), 0L, Actor.of(security));
    return Response.created(uri.getAbsolutePathBuilder().path(code).build())
        .tag(Preconditions.etag(saved.value().version()))
        .entity(Bodies.saved(saved))
        .build();
  }

  private boolean channelExists(String tenant, String code, vn.storybank.core.account.Actor actor) {
    return channels.list(tenant, actor).stream().anyMatch(c -> c.code().equals(code));
  }

  @GET
  @Path("{c}")
  public Response get(
      @PathParam("t") String tenant,
      @PathParam("c") String code,
      @Context SecurityContext security) {
    ChannelView view = channels.get(tenant, code, Actor.of(security));
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  /** Creates the channel or replaces its settings. */
  @PUT
  @Path("{c}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(
      @PathParam("t") String tenant,
      @PathParam("c") String code,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonNode body,
      @Context SecurityContext security) {
    Saved<ChannelView> saved =
        channels.put(
            tenant,
            code,
            Bodies.read(body, ChannelInput.class),
            Preconditions.expectedVersion(ifMatch),
            Actor.of(security));
    return Response.status(saved.created() ? 201 : 200)
        .tag(Preconditions.etag(saved.value().version()))
        .entity(Bodies.saved(saved))
        .build();
  }

  @DELETE
  @Path("{c}")
  public Response delete(
      @PathParam("t") String tenant,
      @PathParam("c") String code,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Context SecurityContext security) {
    channels.delete(tenant, code, Preconditions.expectedVersion(ifMatch), Actor.of(security));
    return Response.noContent().build();
  }
}
