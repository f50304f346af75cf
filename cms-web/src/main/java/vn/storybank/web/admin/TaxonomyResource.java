package vn.storybank.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import vn.storybank.core.taxonomy.TaxonomyService;
import vn.storybank.core.taxonomy.TermInput;
import vn.storybank.core.taxonomy.TermView;
import vn.storybank.web.http.AdminApi;
import vn.storybank.web.http.Preconditions;

/** Terms of a tenant's taxonomies; a term is addressed by its id or its code. */
@AdminApi
@Path("admin/v1/{t}/taxonomies/{kind}/terms")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class TaxonomyResource {
  private final TaxonomyService taxonomies;

  @Inject
  public TaxonomyResource(TaxonomyService taxonomies) {
    this.taxonomies = taxonomies;
  }

  @GET
  public Map<String, List<TermView>> list(
      @PathParam("t") String tenant,
      @PathParam("kind") String kind,
      @Context SecurityContext security) {
    return Map.of("items", taxonomies.list(tenant, TaxonomyService.kind(kind), Actor.of(security)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @PathParam("t") String tenant,
      @PathParam("kind") String kind,
      JsonNode body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    TermView term =
        taxonomies.create(
            tenant,
            TaxonomyService.kind(kind),
            Bodies.read(body, TermInput.class),
            Actor.of(security));
    return Response.created(uri.getAbsolutePathBuilder().path(term.id().toString()).build())
        .tag(Preconditions.etag(term.version()))
        .entity(term)
        .build();
  }

  @GET
  @Path("{term}")
  public Response get(
      @PathParam("t") String tenant,
      @PathParam("kind") String kind,
      @PathParam("term") String term,
      @Context SecurityContext security) {
    TermView view = taxonomies.get(tenant, TaxonomyService.kind(kind), term, Actor.of(security));
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @PATCH
  @Path("{term}")
  @Consumes({EntryResource.MERGE_PATCH, MediaType.APPLICATION_JSON})
  public Response patch(
      @PathParam("t") String tenant,
      @PathParam("kind") String kind,
      @PathParam("term") String term,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonNode body,
      @Context SecurityContext security) {
    TermView view =
        taxonomies.patch(
            tenant,
            TaxonomyService.kind(kind),
            term,
            Bodies.require(body),
            Preconditions.expectedVersion(ifMatch),
            Actor.of(security));
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @DELETE
  @Path("{term}")
  public Response delete(
      @PathParam("t") String tenant,
      @PathParam("kind") String kind,
      @PathParam("term") String term,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Context SecurityContext security) {
    taxonomies.delete(
        tenant,
        TaxonomyService.kind(kind),
        term,
        Preconditions.expectedVersion(ifMatch),
        Actor.of(security));
    return Response.noContent().build();
  }
}
