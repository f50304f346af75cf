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
import vn.storybank.core.tenant.TenantInput;
import vn.storybank.core.tenant.TenantService;
import vn.storybank.core.tenant.TenantView;
import vn.storybank.web.http.AdminApi;
import vn.storybank.web.http.Preconditions;

/**
 * A tenant (province): its names, locales and fallback chains, at {@code /api/admin/v1/{t}}, the
 * root of everything the tenant holds. The list and the tenant's former URL are {@link
 * TenantListResource}.
 */
@AdminApi
@Path("admin/v1/{t}")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class TenantResource {
  private final TenantService tenants;

  @Inject
  public TenantResource(TenantService tenants) {
    this.tenants = tenants;
  }

  @GET
  public Response get(@PathParam("t") String code, @Context SecurityContext security) {
    TenantView view = tenants.get(code, Actor.of(security));
    return Response.ok(view).tag(Preconditions.etag(view.version())).build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(
      @PathParam("t") String code,
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
