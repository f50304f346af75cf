package vn.storybank.web.search;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.SecurityContext;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Permissions;
import vn.storybank.search.SearchRequest.Audience;
import vn.storybank.search.SearchService;
import vn.storybank.web.admin.Actor;
import vn.storybank.web.http.AdminApi;

/** Editor search: drafts included, one hit per translation, tenant-scoped. */
@AdminApi
@Path("admin/v1/{t}/search")
@Dependent
public class AdminSearchResource extends SearchEndpoints {
  private final Permissions permissions;

  @Inject
  public AdminSearchResource(SearchService search, Permissions permissions) {
    super(search, Audience.EDITOR);
    this.permissions = permissions;
  }

  @Override
  protected void authorize(String tenant, SecurityContext security) {
    permissions.require(tenant, Action.EDITOR_SEARCH, Actor.of(security));
  }
}
