package vn.storybank.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import vn.storybank.core.tenant.TenantInput;
import vn.storybank.core.tenant.TenantService;
import vn.storybank.core.tenant.TenantView;
import vn.storybank.web.http.AdminApi;
import vn.storybank.web.http.Preconditions;

/** Tenants (provinces): their names, locales and fallback chains. */
@AdminApi
@Path("admin/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class TenantResource {
  private final TenantService tenants;

  @Inject
  public TenantResource(TenantService tenants) {
    this.tenants = tenants;
  }

  @GET
  public Map<String, List<TenantView>> list(@Context SecurityContext security) {
    return Map.of("items", tenants.list(Actor.of(security)));
  }

  @GET
  @Path("{code}")
  public Response get(@PathParam("code") String code, @Context SecurityContext security) {
    TenantView view = tenants.get(code, Actor.of(security));
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @PUT
  @Path("{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(
      @PathParam("code") String code,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonNode body,
      @Context SecurityContext security) {
    var saved =
        tenants.put(
            code,
            Bodies.read(body, TenantInput.class),
            Preconditions.expectedVersion(ifMatch),
            Actor.of(security));
    return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
        .tag(Preconditions.etag(saved.value().version()))
        .entity(Bodies.saved(saved))
        .build();
  }
}
