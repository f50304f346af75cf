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
import vn.storybank.core.tenant.TenantService;
import vn.storybank.core.tenant.TenantView;
import vn.storybank.web.http.AdminApi;
import vn.storybank.web.http.FormerPath;

/**
 * The tenants the caller may see, and each tenant's former URL, {@code
 * /api/admin/v1/tenants/{code}}: it could match the same URLs as {@code /api/admin/v1/{t}/stories}
 * and the like, so the tenant moved to {@code /api/admin/v1/{t}} ({@link TenantResource}); the old
 * URL answers the same for scripts written before.
 */
@AdminApi
@Path("admin/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class TenantListResource {
  private final TenantService tenants;
  private final TenantResource tenant;

  @Inject
  public TenantListResource(TenantService tenants) {
    this.tenants = tenants;
    this.tenant = new TenantResource(tenants);
  }

  @GET
  public Map<String, List<TenantView>> list(@Context SecurityContext security) {
    return Map.of("items", tenants.list(Actor.of(security)));
  }

  @GET
  @Path("{code}")
  @FormerPath(movedTo = "/api/admin/v1/{t}")
  public Response get(@PathParam("code") String code, @Context SecurityContext security) {
    return tenant.get(code, security);
  }

  @PUT
  @Path("{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @FormerPath(movedTo = "/api/admin/v1/{t}")
  public Response put(
      @PathParam("code") String code,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonNode body,
      @Context SecurityContext security) {
    return tenant.put(code, ifMatch, body, security);
  }
}
