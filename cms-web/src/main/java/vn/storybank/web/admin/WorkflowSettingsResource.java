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
import vn.storybank.core.workflow.SettingsView;
import vn.storybank.core.workflow.WorkflowService;
import vn.storybank.web.http.AdminApi;

/** A tenant's review rules: sensitive topics and direct publishing. */
@AdminApi
@Path("admin/v1/{t}/workflow-settings")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class WorkflowSettingsResource {
  private final WorkflowService workflow;

  @Inject
  public WorkflowSettingsResource(WorkflowService workflow) {
    this.workflow = workflow;
  }

  @GET
  public SettingsView settings(@PathParam("t") String tenant, @Context SecurityContext security) {
    return workflow.settings(tenant, Actor.of(security));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public SettingsView putSettings(
      @PathParam("t") String tenant, JsonNode body, @Context SecurityContext security) {
    return workflow.putSettings(tenant, Bodies.read(body, SettingsView.class), Actor.of(security));
  }
}
