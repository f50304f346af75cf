package vn.storybank.web.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import vn.storybank.core.account.AuditTrail;
import vn.storybank.web.http.AdminApi;

/**
 * {@code GET /audit.csv}: the CSV export for links and tools that cannot set Accept. Its own root
 * resource, since {@code admin/v1/{t}} would otherwise take "audit.csv" for a tenant.
 */
@AdminApi
@Path("admin/v1/audit.csv")
@Dependent
public class AuditCsvResource {
  private final AuditResource audit;

  @Inject
  public AuditCsvResource(AuditTrail auditTrail) {
    this.audit = new AuditResource(auditTrail);
  }

  @GET
  @Produces(AuditResource.CSV)
  public Response csv(
      @QueryParam("user") String user,
      @QueryParam("action") String action,
      @QueryParam("tenant") String tenant,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @Context SecurityContext security) {
    return audit.csv(AuditResource.Filter.of(user, action, tenant, from, to), Actor.of(security));
  }
}
