package vn.storybank.web.search;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import vn.storybank.core.error.Violations;
import vn.storybank.search.SearchRequest.Audience;
import vn.storybank.search.SearchResult;
import vn.storybank.search.SearchResult.Hit;
import vn.storybank.search.SearchService;
import vn.storybank.search.Suggestion;
import vn.storybank.web.admin.ListParams;

/**
 * Search, suggestions and related entries for one audience; the subclasses say where and for whom.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class SearchEndpoints {
  private final SearchService search;
  private final Audience audience;

  SearchEndpoints(SearchService search, Audience audience) {
    this.search = search;
    this.audience = audience;
  }

  /** Refuses the request if this audience needs rights the caller lacks; the core decides. */
  protected void authorize(String tenant, SecurityContext security) {}

  @GET
  public SearchResult search(
      @PathParam("t") String tenant, @Context UriInfo uri, @Context SecurityContext security) {
    authorize(tenant, security);
    return search.search(SearchParams.parse(tenant, audience, uri));
  }

  @GET
  @Path("suggest")
  public List<Suggestion> suggest(
      @PathParam("t") String tenant,
      @QueryParam("q") String q,
      @QueryParam("locale") String locale,
      @QueryParam("limit") String limit,
      @Context SecurityContext security) {
    authorize(tenant, security);
    Violations v = new Violations();
    int size = ListParams.integer(limit, "limit", 10, v);
    v.throwIfAny();
    return search.suggest(tenant, audience, q, locale, size);
  }

  @GET
  @Path("related/{id}")
  public List<Hit> related(
      @PathParam("t") String tenant,
      @PathParam("id") UUID id,
      @QueryParam("locale") String locale,
      @QueryParam("type") String type,
      @QueryParam("limit") String limit,
      @Context SecurityContext security) {
    authorize(tenant, security);
    Violations v = new Violations();
    int size = ListParams.integer(limit, "limit", 5, v);
    v.throwIfAny();
    return search.related(tenant, audience, id, locale, type, size);
  }
}
