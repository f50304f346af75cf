package vn.storybank.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import java.util.UUID;
import vn.storybank.core.entry.EntryService;
import vn.storybank.core.entry.EntryView;
import vn.storybank.core.entry.Page;
import vn.storybank.core.entry.TranslationInput;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.error.StorybankException;
import vn.storybank.web.http.Preconditions;

/** The admin endpoints every entry type has; a subclass per type binds the path and the service. */
@Produces(MediaType.APPLICATION_JSON)
public abstract class EntryResource<V extends EntryView> {
  static final String MERGE_PATCH = "application/merge-patch+json";
  private final EntryService<?, ?, V> service;

  protected EntryResource(EntryService<?, ?, V> service) {
    this.service = service;
  }

  @GET
  public Page<V> list(
      @PathParam("t") String tenant, @Context UriInfo uri, @Context SecurityContext security) {
    return service.list(tenant, ListParams.from(uri), Actor.of(security));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @PathParam("t") String tenant,
      JsonNode body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    V created = createFrom(tenant, body, Actor.of(security));
    return Response.created(
            uri.getAbsolutePathBuilder().path(created.header().id().toString()).build())
        .tag(Preconditions.etag(created.header().version()))
        .entity(created)
        .build();
  }

  private <I extends vn.storybank.core.entry.EntryInput> V createFrom(
      String tenant, JsonNode body, String actor) {
    @SuppressWarnings("unchecked")
    EntryService<?, I, V> typed = (EntryService<?, I, V>) service;
    return typed.create(tenant, Bodies.read(body, typed.inputClass()), actor);
  }

  @GET
  @Path("{id}")
  public Response get(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @Context SecurityContext security) {
    return withEtag(service.get(tenant, uuid(id), Actor.of(security)), Response.Status.OK);
  }

  @PATCH
  @Path("{id}")
  @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
  public Response patch(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonNode body,
      @Context SecurityContext security) {
    return withEtag(
        service.patch(
            tenant,
            uuid(id),
            Bodies.require(body),
            Preconditions.expectedVersion(ifMatch),
            Actor.of(security)),
        Response.Status.OK);
  }

  @DELETE
  @Path("{id}")
  public Response delete(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Context SecurityContext security) {
    service.delete(tenant, uuid(id), Preconditions.expectedVersion(ifMatch), Actor.of(security));
    return Response.noContent().build();
  }

  @PUT
  @Path("{id}/translations/{locale}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response putTranslation(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @PathParam("locale") String locale,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonNode body,
      @Context SecurityContext security) {
    var saved =
        service.putTranslation(
            tenant,
            uuid(id),
            locale,
            Bodies.read(body, TranslationInput.class),
            Preconditions.expectedVersion(ifMatch),
            Actor.of(security));
    return withEtag(saved.value(), saved.created() ? Response.Status.CREATED : Response.Status.OK);
  }

  @DELETE
  @Path("{id}/translations/{locale}")
  public Response deleteTranslation(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @PathParam("locale") String locale,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Context SecurityContext security) {
    return withEtag(
        service.deleteTranslation(
            tenant, uuid(id), locale, Preconditions.expectedVersion(ifMatch), Actor.of(security)),
        Response.Status.OK);
  }

  @POST
  @Path("{id}/translations/{locale}/publish")
  public Response publish(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @PathParam("locale") String locale,
      @Context SecurityContext security) {
    return withEtag(
        service.setStatus(
            tenant, uuid(id), locale, TranslationStatus.PUBLISHED, Actor.of(security)),
        Response.Status.OK);
  }

  @POST
  @Path("{id}/translations/{locale}/unpublish")
  public Response unpublish(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @PathParam("locale") String locale,
      @Context SecurityContext security) {
    return withEtag(
        service.setStatus(tenant, uuid(id), locale, TranslationStatus.DRAFT, Actor.of(security)),
        Response.Status.OK);
  }

  private static Response withEtag(EntryView view, Response.Status status) {
    return Response.status(status)
        .tag(Preconditions.etag(view.header().version()))
        .entity(view)
        .build();
  }

  private UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw StorybankException.notFound(
          "There is no " + service.type().code() + " '" + id + "': ids are UUIDs.");
    }
  }
}
