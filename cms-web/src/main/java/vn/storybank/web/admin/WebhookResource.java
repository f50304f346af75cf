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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.storybank.core.error.Violations;
import vn.storybank.core.json.Json;
import vn.storybank.core.webhook.CreatedSubscription;
import vn.storybank.core.webhook.MessageView;
import vn.storybank.core.webhook.SubscriptionInput;
import vn.storybank.core.webhook.SubscriptionView;
import vn.storybank.core.webhook.WebhookService;
import vn.storybank.core.webhook.Webhooks;
import vn.storybank.web.http.AdminApi;

/** Partners' webhook subscriptions and the messages sent to them. */
@AdminApi
@Path("admin/v1/{t}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Dependent
public class WebhookResource {
  private final WebhookService webhooks;

  @Inject
  public WebhookResource(Webhooks webhooks) {
    this.webhooks = webhooks.service();
  }

  @GET
  public Map<String, Object> list(
      @PathParam("t") String tenant, @Context SecurityContext security) {
    return page(webhooks.list(tenant, Actor.of(security)));
  }

  /** Subscribes a URL; the answer carries the signing secret, shown this once. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @PathParam("t") String tenant,
      JsonNode body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    CreatedSubscription created =
        webhooks.create(tenant, Bodies.read(body, SubscriptionInput.class), Actor.of(security));
    @SuppressWarnings("unchecked")
    Map<String, Object> answer =
        Json.mapper().convertValue(created.subscription(), java.util.LinkedHashMap.class);
    answer.put("secret", created.secret());
    return Response.created(
            uri.getAbsolutePathBuilder().path(created.subscription().id().toString()).build())
        .entity(answer)
        .build();
  }

  @GET
  @Path("{id}")
  public SubscriptionView get(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @Context SecurityContext security) {
    return webhooks.get(tenant, id, Actor.of(security));
  }

  @DELETE
  @Path("{id}")
  public Response delete(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @Context SecurityContext security) {
    webhooks.delete(tenant, id, Actor.of(security));
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/messages")
  public Map<String, Object> messages(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @Context SecurityContext security) {
    Violations v = new Violations();
    int size = ListParams.integer(limit, "limit", 100, v);
    v.throwIfAny();
    return page(webhooks.messages(tenant, id, status, size, Actor.of(security)));
  }

  @POST
  @Path("{id}/messages/{messageId}/replay")
  public MessageView replay(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @PathParam("messageId") String messageId,
      @Context SecurityContext security) {
    return webhooks.replay(tenant, id, messageId, Actor.of(security));
  }

  private static Map<String, Object> page(List<?> items) {
    Map<String, Object> page = new HashMap<>();
    page.put("items", items);
    page.put("next", null);
    return page;
  }
}
