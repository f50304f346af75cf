package vn.storybank.web.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Permissions;
import vn.storybank.core.transfer.ImportReport;
import vn.storybank.core.transfer.TransferService;
import vn.storybank.web.http.AdminApi;
import vn.storybank.web.http.Problem;
import vn.storybank.web.http.ProblemType;

/** NDJSON import and export of a whole tenant. */
@AdminApi
@Path("admin/v1/{t}")
@Dependent
public class TransferResource {
  static final String NDJSON = "application/x-ndjson";
  private final TransferService transfer;
  private final Permissions permissions;

  @Inject
  public TransferResource(TransferService transfer, Permissions permissions) {
    this.transfer = transfer;
    this.permissions = permissions;
  }

  @POST
  @Path("import")
  @Consumes({NDJSON, "application/jsonl", MediaType.TEXT_PLAIN})
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Response importNdjson(
      @PathParam("t") String tenant,
      @QueryParam("atomic") boolean atomic,
      InputStream body,
      @Context SecurityContext security) {
    ImportReport report = transfer.importNdjson(tenant, body, atomic, Actor.of(security));
    if (!report.committed()) {
      return Problem.of(
              ProblemType.IMPORT_REJECTED,
              report.failed()
                  + " of "
                  + report.lines()
                  + " lines are invalid, so nothing was imported (atomic import); see"
                  + " report.errors.",
              List.of(),
              report)
          .toResponse();
    }
    return Response.ok(report, MediaType.APPLICATION_JSON).build();
  }

  @GET
  @Path("export")
  @Produces(NDJSON)
  public Response export(@PathParam("t") String tenant, @Context SecurityContext security) {
    var actor = Actor.of(security);
    // Checked before streaming starts, so that a refusal is a proper problem response.
    permissions.require(tenant, Action.TRANSFER, actor);
    StreamingOutput stream = out -> transfer.exportNdjson(tenant, out, actor);
    return Response.ok(stream, NDJSON)
        .header("Content-Disposition", "attachment; filename=\"" + tenant + ".ndjson\"")
        .build();
  }
}
