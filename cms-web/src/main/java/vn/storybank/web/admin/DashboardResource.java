package vn.storybank.web.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.workflow.Dashboard;
import vn.storybank.core.workflow.WorkflowService;
import vn.storybank.web.http.AdminApi;

/** Where a tenant's translations into one locale stand. */
@AdminApi
@Path("admin/v1/{t}/translations/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class DashboardResource {
  private final WorkflowService workflow;

  @Inject
  public DashboardResource(WorkflowService workflow) {
    this.workflow = workflow;
  }

  @GET
  public Dashboard dashboard(
      @PathParam("t") String tenant,
      @QueryParam("locale") String locale,
      @Context SecurityContext security) {
    if (locale == null || locale.isBlank()) {
      throw StorybankException.invalid("locale", "name the locale (?locale=en)");
    }
    return workflow.dashboard(tenant, locale, Actor.of(security));
  }
}
