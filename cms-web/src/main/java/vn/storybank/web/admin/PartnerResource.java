package vn.storybank.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.partner.PartnerInput;
import vn.storybank.core.partner.PartnerService;
import vn.storybank.web.http.AdminApi;

/** Partner API keys of a tenant (the key is shown once, at creation) and their usage. */
@AdminApi
@Path("admin/v1/{t}/partners")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class PartnerResource {
  private final PartnerService partners;

  @Inject
  public PartnerResource(PartnerService partners) {
    this.partners = partners;
  }

  @GET
  public Map<String, Object> list(
      @PathParam("t") String tenant, @Context SecurityContext security) {
    Map<String, Object> page = new HashMap<>();
    page.put("items", partners.list(tenant, Actor.of(security)));
    page.put("next", null);
    return page;
  }

  /** Issues a key; the answer holds it in {@code key}, the only time it is shown. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @PathParam("t") String tenant,
      JsonNode body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    PartnerService.Issued issued =
        partners.create(tenant, Bodies.read(body, PartnerInput.class), Actor.of(security));
    Map<String, Object> answer = new HashMap<>();
    answer.put("partner", issued.partner());
    answer.put("key", issued.key());
    return Response.created(
            uri.getAbsolutePathBuilder().path(issued.partner().id().toString()).build())
        .header("Cache-Control", "no-store")
        .entity(answer)
        .build();
  }

  /**
   * Requests per key, channel, locale and day between two dates (inclusive; default: this month).
   */
  @GET
  @Path("usage")
  public PartnerService.Usage usage(
      @PathParam("t") String tenant,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @Context SecurityContext security) {
    return partners.usage(tenant, date("from", from), date("to", to), Actor.of(security));
  }

  @GET
  @Path("{id}")
  public Object get(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @Context SecurityContext security) {
    return partners.get(tenant, uuid(id), Actor.of(security));
  }

  /** Revokes the key: refused at once on this node, within 30 seconds on the others. */
  @DELETE
  @Path("{id}")
  public Response revoke(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @Context SecurityContext security) {
    partners.revoke(tenant, uuid(id), Actor.of(security));
    return Response.noContent().build();
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw StorybankException.notFound("There is no partner key '" + id + "': ids are UUIDs.");
    }
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw StorybankException.invalid(field, "must be a date such as 2026-12-01");
    }
  }
}
