package vn.storybank.web.search;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import vn.storybank.search.SearchRequest.Audience;
import vn.storybank.search.SearchService;
import vn.storybank.web.http.AdminApi;

/** Editor search: drafts included, one hit per translation, tenant-scoped. */
@AdminApi
@Path("admin/v1/{t}/search")
@Dependent
public class AdminSearchResource extends SearchEndpoints {
  @Inject
  public AdminSearchResource(SearchService search) {
    super(search, Audience.EDITOR);
  }
}
