package vn.storybank.web.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.storybank.core.changelog.ChangeService;
import vn.storybank.core.changelog.ChangeView;
import vn.storybank.core.error.Violations;
import vn.storybank.web.http.AdminApi;

/** The tenant's change log, for scripts and followers. */
@AdminApi
@Path("admin/v1/{t}/changes")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class ChangeResource {
  private final ChangeService changes;

  @Inject
  public ChangeResource(ChangeService changes) {
    this.changes = changes;
  }

  /**
   * @param next the {@code after} of the following page, null when this page reached the end
   * @param last the sequence to poll from later (the last one seen)
   */
  public record ChangePage(
      List<ChangeView> items,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
          String next,
      long last) {}

  @GET
  public ChangePage list(
      @PathParam("t") String tenant,
      @QueryParam("after") String after,
      @QueryParam("limit") String limit,
      @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
    Violations v = new Violations();
    long afterSeq = 0;
    if (after != null) {
      try {
        afterSeq = Long.parseLong(after.trim());
      } catch (NumberFormatException e) {
        v.add("after", "must be a change sequence number");
      }
    }
    int size = ListParams.integer(limit, "limit", 100, v);
    if (size < 1 || size > 1000) {
      v.add("limit", "must be between 1 and 1000");
    }
    v.throwIfAny();
    List<ChangeView> items = changes.after(tenant, afterSeq, size, Actor.of(security));
    long last = items.isEmpty() ? afterSeq : items.get(items.size() - 1).seq();
    return new ChangePage(items, items.size() == size ? Long.toString(last) : null, last);
  }
}
