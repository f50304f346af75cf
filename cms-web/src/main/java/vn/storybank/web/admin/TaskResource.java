package vn.storybank.web.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import vn.storybank.core.workflow.Tasks;
import vn.storybank.core.workflow.WorkflowService;
import vn.storybank.web.http.AdminApi;

/** What waits for the signed-in user: to review, to translate, returned to them. */
@AdminApi
@Path("admin/v1/{t}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class TaskResource {
  private final WorkflowService workflow;

  @Inject
  public TaskResource(WorkflowService workflow) {
    this.workflow = workflow;
  }

  @GET
  public Tasks tasks(@PathParam("t") String tenant, @Context SecurityContext security) {
    return workflow.tasks(tenant, Actor.of(security));
  }
}
