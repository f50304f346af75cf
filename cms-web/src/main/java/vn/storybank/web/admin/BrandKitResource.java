package vn.storybank.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import vn.storybank.core.media.BrandKitService;
import vn.storybank.core.media.BrandKitView;
import vn.storybank.web.http.AdminApi;

/** A tenant's brand kit: the watermark logo laid over renditions of chosen presets. */
@AdminApi
@Path("admin/v1/{t}/brand-kit")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class BrandKitResource {
  private final BrandKitService brandKit;

  @Inject
  public BrandKitResource(BrandKitService brandKit) {
    this.brandKit = brandKit;
  }

  @GET
  public BrandKitView get(@PathParam("t") String tenant, @Context SecurityContext security) {
    return brandKit.get(tenant, Actor.of(security));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public BrandKitView put(
      @PathParam("t") String tenant, JsonNode body, @Context SecurityContext security) {
    return brandKit.put(tenant, Bodies.read(body, BrandKitView.class), Actor.of(security));
  }
}
