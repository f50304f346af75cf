package vn.storybank.web.search;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.storybank.core.error.StorybankException;
import vn.storybank.search.IndexStatus;
import vn.storybank.search.SearchIndex;
import vn.storybank.web.http.AdminApi;

/** This node's search index: its state, and a full rebuild beside the live index. */
@AdminApi
@Path("admin/v1/search/index")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class SearchIndexResource {
  private final SearchIndex index;

  @Inject
  public SearchIndexResource(SearchIndex index) {
    this.index = index;
  }

  @GET
  public IndexStatus status() {
    return index.status();
  }

  @POST
  @Path("rebuild")
  public Response rebuild() {
    if (!index.requestRebuild()) {
      throw StorybankException.conflict("A rebuild is already running on this node.");
    }
    return Response.accepted(index.status()).build();
  }
}
