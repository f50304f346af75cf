package vn.storybank.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.changelog.ChangeService;
import vn.storybank.core.entry.CommentView;
import vn.storybank.core.entry.EntryService;
import vn.storybank.core.entry.EntryView;
import vn.storybank.core.entry.ListQuery;
import vn.storybank.core.entry.RevisionDiff;
import vn.storybank.core.entry.RevisionView;
import vn.storybank.core.entry.ScheduleInput;
import vn.storybank.core.entry.Staleness;
import vn.storybank.core.entry.TranslationInput;
import vn.storybank.core.entry.WorkflowAction;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.Characters;
import vn.storybank.core.json.Json;
import vn.storybank.core.snapshot.SnapshotService;
import vn.storybank.core.snapshot.TranslationSnapshot;
import vn.storybank.core.workflow.WorkflowService;
import vn.storybank.web.http.Preconditions;

/** The admin endpoints every entry type has; a subclass per type binds the path and the service. */
@Produces(MediaType.APPLICATION_JSON)
public abstract class EntryResource<V extends EntryView> {
  static final String MERGE_PATCH = "application/merge-patch+json";
  private final EntryService<?, ?, V> service;
  private final WorkflowService workflow;
  private final SnapshotService snapshots;
  private final ChangeService changes;
  private final ListCache lists;

  protected EntryResource(
      EntryService<?, ?, V> service,
      WorkflowService workflow,
      SnapshotService snapshots,
      ChangeService changes,
      ListCache lists) {
    this.service = service;
    this.workflow = workflow;
    this.snapshots = snapshots;
    this.changes = changes;
    this.lists = lists;
  }

  private WorkflowService workflow() {
    return workflow;
  }

  /**
   * Summaries by default (what a list screen shows), through this node's {@link ListCache}; whole
   * entries with {@code view=full}, always rendered (a page of them is ten times the size).
   */
  @GET
  public Response list(
      @PathParam("t") String tenant, @Context UriInfo uri, @Context SecurityContext security) {
    ListQuery query = ListParams.from(uri);
    vn.storybank.core.account.Actor actor = Actor.of(security);
    if (ListParams.wantsFullView(uri)) {
      return Response.ok(service.list(tenant, query, actor)).build();
    }
    // Read before rendering: a write committed meanwhile leaves the answer already out of date.
    long head = changes.recentHead();
    String key =
        tenant
            + "|"
            + service.type().code()
            + "|"
            + service.readsDrafts(tenant, actor)
            + "|"
            + new java.util.TreeMap<>(uri.getQueryParameters());
    byte[] json = lists.get(key, head);
    if (json == null) {
      try {
        json = Json.mapper().writeValueAsBytes(service.summaries(tenant, query, actor));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("A list page could not be written as JSON", e);
      }
      lists.put(key, head, json);
    }
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @PathParam("t") String tenant,
      JsonNode body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    V created = createFrom(tenant, body, Actor.of(security));
    return Response.created(
            uri.getAbsolutePathBuilder().path(created.header().id().toString()).build())
        .tag(Preconditions.etag(created.header().version()))
        .entity(created)
        .build();
  }

  private <I extends vn.storybank.core.entry.EntryInput> V createFrom(
      String tenant, JsonNode body, vn.storybank.core.account.Actor actor) {
    @SuppressWarnings("unchecked")
    EntryService<?, I, V> typed = (EntryService<?, I, V>) service;
    return typed.create(tenant, Bodies.read(body, typed.inputClass()), actor);
  }

  @GET
  @Path("{id}")
  public Response get(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @Context SecurityContext security) {
    return withEtag(service.get(tenant, uuid(id), Actor.of(security)), Response.Status.OK);
  }

  @PATCH
  @Path("{id}")
  @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
  public Response patch(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonNode body,
      @Context SecurityContext security) {
    return withEtag(
        service.patch(
            tenant,
            uuid(id),
            Bodies.require(body),
            Preconditions.expectedVersion(ifMatch),
            Actor.of(security)),
        Response.Status.OK);
  }

  @DELETE
  @Path("{id}")
  public Response delete(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Context SecurityContext security) {
    service.delete(tenant, uuid(id), Preconditions.expectedVersion(ifMatch), Actor.of(security));
    return Response.noContent().build();
  }

  @PUT
  @Path("{id}/translations/{locale}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response putTranslation(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @PathParam("locale") String locale,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonNode body,
      @Context SecurityContext security) {
    var saved =
        service.putTranslation(
            tenant,
            uuid(id),
            locale,
            Bodies.read(body, TranslationInput.class),
            Preconditions.expectedVersion(ifMatch),
            Actor.of(security));
    return withEtag(saved.value(), saved.created() ? Response.Status.CREATED : Response.Status.OK);
  }

  @DELETE
  @Path("{id}/translations/{locale}")
  public Response deleteTranslation(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @PathParam("locale") String locale,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Context SecurityContext security) {
    return withEtag(
        service.deleteTranslation(
            tenant, uuid(id), locale, Preconditions.expectedVersion(ifMatch), Actor.of(security)),
        Response.Status.OK);
  }

  @POST
  @Path("{id}/translations/{locale}/{action: submit|approve|reject|publish|unpublish}")
  public Response act(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @PathParam("locale") String locale,
      @PathParam("action") String action,
      JsonNode body,
      @Context SecurityContext security) {
    String comment = null;
    if (body != null && body.hasNonNull("comment")) {
      comment = body.get("comment").asText();
      Characters.require("comment", comment);
    }
    return withEtag(
        service
            .review()
            .act(
                tenant,
                uuid(id),
                locale,
                WorkflowAction.valueOf(action.toUpperCase(Locale.ROOT)),
                comment,
                Actor.of(security)),
        Response.Status.OK);
  }

  @PUT
  @Path("{id}/translations/{locale}/schedule")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response schedule(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @PathParam("locale") String locale,
      JsonNode body,
      @Context SecurityContext security) {
    return withEtag(
        service
            .review()
            .schedule(
                tenant,
                uuid(id),
                locale,
                Bodies.read(body, ScheduleInput.class),
                Actor.of(security)),
        Response.Status.OK);
  }

  @GET
  @Path("{id}/translations/{locale}/staleness")
  public Staleness staleness(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @PathParam("locale") String locale,
      @Context SecurityContext security) {
    return service.revisions().staleness(tenant, uuid(id), locale, Actor.of(security));
  }

  @GET
  @Path("{id}/translations/{locale}/approvals")
  public Map<String, List<String>> approvals(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @PathParam("locale") String locale,
      @Context SecurityContext security) {
    return Map.of(
        "approvers", service.review().approvers(tenant, uuid(id), locale, Actor.of(security)));
  }

  @GET
  @Path("{id}/revisions")
  public Map<String, List<RevisionView>> revisions(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @QueryParam("locale") String locale,
      @Context SecurityContext security) {
    return Map.of(
        "items",
        service.revisions().list(tenant, uuid(id), requireLocale(locale), Actor.of(security)));
  }

  @GET
  @Path("{id}/revisions/{n}/diff")
  public RevisionDiff diff(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @PathParam("n") String n,
      @QueryParam("against") String against,
      @QueryParam("locale") String locale,
      @Context SecurityContext security) {
    return service
        .revisions()
        .diff(
            tenant,
            uuid(id),
            requireLocale(locale),
            revision("n", n),
            revision("against", against == null ? null : against),
            Actor.of(security));
  }

  @POST
  @Path("{id}/revisions/{n}/restore")
  public Response restore(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @PathParam("n") String n,
      @QueryParam("locale") String locale,
      @Context SecurityContext security) {
    return withEtag(
        service
            .revisions()
            .restore(tenant, uuid(id), requireLocale(locale), revision("n", n), Actor.of(security)),
        Response.Status.OK);
  }

  /**
   * What readers see now, per locale: the live revision's text (null when nothing is live) and the
   * locales it serves. The read model search and delivery use; for the editorial team, since it
   * shows embargoed texts too.
   */
  @GET
  @Path("{id}/live")
  public Map<String, Map<String, Object>> live(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @Context SecurityContext security) {
    UUID uuid = uuid(id);
    service.revisions().requireEditorialRead(tenant, uuid, Actor.of(security));
    Map<String, Map<String, Object>> live = new java.util.TreeMap<>();
    // Deleted since the check: the same answer as before it.
    for (TranslationSnapshot t :
        snapshots.load(List.of(uuid)).stream()
            .findFirst()
            .orElseThrow(
                () ->
                    StorybankException.notFound(
                        "There is no " + service.type().code() + " " + uuid + "."))
            .translations()) {
      Map<String, Object> locale = new java.util.LinkedHashMap<>();
      locale.put("live", t.live());
      locale.put("servesLocales", t.servesLocales());
      live.put(t.locale(), locale);
    }
    return live;
  }

  @GET
  @Path("{id}/comments")
  public Map<String, List<CommentView>> comments(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @Context SecurityContext security) {
    return Map.of(
        "items", workflow().comments(tenant, service.type().code(), uuid(id), Actor.of(security)));
  }

  @POST
  @Path("{id}/comments")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response comment(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      JsonNode body,
      @Context SecurityContext security) {
    CommentInput input = Bodies.read(body, CommentInput.class);
    return Response.status(Response.Status.CREATED)
        .entity(
            workflow()
                .comment(
                    tenant,
                    service.type().code(),
                    uuid(id),
                    input.locale(),
                    input.body(),
                    Actor.of(security)))
        .build();
  }

  private static String requireLocale(String locale) {
    if (locale == null || locale.isBlank()) {
      throw StorybankException.invalid("locale", "name the translation's locale (?locale=vi)");
    }
    return locale;
  }

  private static long revision(String field, String value) {
    try {
      if (value != null) {
        return Long.parseLong(value);
      }
    } catch (NumberFormatException e) {
      // Answered below.
    }
    throw StorybankException.invalid(field, "must be a revision number");
  }

  private static Response withEtag(EntryView view, Response.Status status) {
    return Response.status(status)
        .tag(Preconditions.etag(view.header().version()))
        .entity(view)
        .build();
  }

  private UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw StorybankException.notFound(
          "There is no " + service.type().code() + " '" + id + "': ids are UUIDs.");
    }
  }
}
