package vn.storybank.web.search;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import vn.storybank.core.account.Permissions;
import vn.storybank.core.error.StorybankException;
import vn.storybank.search.IndexStatus;
import vn.storybank.search.SearchIndex;
import vn.storybank.web.admin.Actor;
import vn.storybank.web.http.AdminApi;

/** This node's search index: its state, and a full rebuild beside the live index. */
@AdminApi
@Path("admin/v1/search/index")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class SearchIndexResource {
  private final SearchIndex index;
  private final Permissions permissions;

  @Inject
  public SearchIndexResource(SearchIndex index, Permissions permissions) {
    this.index = index;
    this.permissions = permissions;
  }

  @GET
  public IndexStatus status(@Context SecurityContext security) {
    permissions.requireSuperAdmin(Actor.of(security));
    return index.status();
  }

  @POST
  @Path("rebuild")
  public Response rebuild(@Context SecurityContext security) {
    permissions.requireSuperAdmin(Actor.of(security));
    if (!index.requestRebuild()) {
      throw StorybankException.conflict("A rebuild is already running on this node.");
    }
    return Response.accepted(index.status()).build();
  }
}
