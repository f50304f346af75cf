package vn.storybank.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.Json;
import vn.storybank.core.media.MediaDelivery;
import vn.storybank.core.media.MediaFiles;
import vn.storybank.core.media.MediaService;
import vn.storybank.core.media.MediaUsage;
import vn.storybank.core.media.MediaView;
import vn.storybank.core.snapshot.SnapshotService;
import vn.storybank.core.workflow.WorkflowService;
import vn.storybank.web.http.AdminApi;
import vn.storybank.web.http.EntityTags;
import vn.storybank.web.http.Preconditions;

/**
 * Admin endpoints of media: the record (as every entry), file uploads and previews, and the rights
 * report.
 */
@AdminApi
@Path("admin/v1/{t}/media")
@Dependent
public class MediaResource extends EntryResource<MediaView> {
  private static final String PREVIEW_CACHE = "private, no-cache";
  private final MediaService media;
  private final MediaFiles files;
  private final MediaDelivery delivery;
  private final Clock clock;

  @Inject
  public MediaResource(
      MediaService media,
      MediaFiles files,
      MediaDelivery delivery,
      WorkflowService workflow,
      SnapshotService snapshots,
      vn.storybank.core.changelog.ChangeService changes,
      ListCache lists,
      Clock clock) {
    super(media, workflow, snapshots, changes, lists);
    this.media = media;
    this.files = files;
    this.delivery = delivery;
    this.clock = clock;
  }

  /** A new record from an uploaded file (part {@code file}) and optional record JSON. */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(
      @PathParam("t") String tenant,
      @FormParam("file") EntityPart file,
      @FormParam("metadata") EntityPart metadata,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    if (file == null) {
      throw StorybankException.invalid(
          "file", "is required: send the file as the multipart part named 'file'");
    }
    MediaView created;
    try (InputStream content = file.getContent()) {
      created =
          files.upload(
              tenant,
              content,
              declaredType(file),
              file.getFileName().orElse(null),
              metadata == null ? null : json(metadata),
              Actor.of(security));
    } catch (IOException e) {
      throw StorybankException.invalid("file", "could not be read: " + e.getMessage());
    }
    return Response.created(
            uri.getAbsolutePathBuilder().path(created.header().id().toString()).build())
        .tag(Preconditions.etag(created.header().version()))
        .entity(created)
        .build();
  }

  /** Replaces the record's file with the request body, streamed. */
  @PUT
  @Path("{id}/original")
  @Consumes(MediaType.WILDCARD)
  public Response replaceOriginal(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @QueryParam("filename") String filename,
      InputStream body,
      @Context SecurityContext security) {
    MediaView view =
        files.replaceOriginal(
            tenant,
            uuid(id),
            body,
            contentType,
            filename,
            Preconditions.expectedVersion(ifMatch),
            Actor.of(security));
    return Response.ok(view).tag(Preconditions.etag(view.header().version())).build();
  }

  /**
   * The file as an editor previews it, published or not: the public URLs answer only while the
   * record is published (and its rights and channels allow).
   */
  @GET
  @Path("{id}/original")
  public Response previewOriginal(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @Context SecurityContext security) {
    return preview(delivery.preview(tenant, uuid(id), Actor.of(security)), ifNoneMatch);
  }

  /** A rendition as an editor previews it (see {@link #previewOriginal}). */
  @GET
  @Path("{id}/renditions/{preset}")
  public Response previewRendition(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @PathParam("preset") String preset,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @Context SecurityContext security) {
    return preview(
        delivery.previewRendition(tenant, uuid(id), preset, Actor.of(security)), ifNoneMatch);
  }

  /** Kept by the editor's browser only, and asked again each time: a takedown shows at once. */
  private static Response preview(MediaDelivery.Delivered file, String ifNoneMatch) {
    if (EntityTags.matches(ifNoneMatch, file.etag())) {
      return Response.notModified()
          .header(HttpHeaders.ETAG, file.etag())
          .header(HttpHeaders.CACHE_CONTROL, PREVIEW_CACHE)
          .build();
    }
    StreamingOutput body =
        out -> {
          try (InputStream in = file.open()) {
            in.transferTo(out);
          }
        };
    return Response.ok(body, file.contentType())
        .header(HttpHeaders.ETAG, file.etag())
        .header(HttpHeaders.CACHE_CONTROL, PREVIEW_CACHE)
        .header(HttpHeaders.CONTENT_LENGTH, file.size())
        .build();
  }

  /** The entries that link this asset, with the role of each link: the library's "where used". */
  @GET
  @Path("{id}/usages")
  public Map<String, List<MediaUsage>> usages(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @Context SecurityContext security) {
    return Map.of("items", media.usages(tenant, uuid(id), Actor.of(security)));
  }

  /** Records whose rights expire within {@code days} days (default 30), soonest first. */
  @GET
  @Path("rights-expiring")
  public Map<String, List<MediaView>> rightsExpiring(
      @PathParam("t") String tenant,
      @QueryParam("days") @DefaultValue("30") int days,
      @Context SecurityContext security) {
    if (days < 1 || days > 366) {
      throw StorybankException.invalid("days", "must be between 1 and 366");
    }
    Instant now = clock.instant();
    return Map.of(
        "items",
        media.rightsExpiring(tenant, now, now.plus(Duration.ofDays(days)), Actor.of(security)));
  }

  /**
   * The part's own Content-Type, or null when it has none: Jersey then reports RFC 7578's default
   * text/plain, which would contradict every file; without a declared type the bytes decide.
   */
  private static String declaredType(EntityPart file) {
    boolean declared =
        file.getHeaders().keySet().stream().anyMatch(HttpHeaders.CONTENT_TYPE::equalsIgnoreCase);
    return declared && file.getMediaType() != null ? file.getMediaType().toString() : null;
  }

  private static JsonNode json(EntityPart metadata) {
    try (InputStream in = metadata.getContent()) {
      byte[] bytes = in.readNBytes(2 * 1024 * 1024 + 1);
      if (bytes.length > 2 * 1024 * 1024) {
        throw StorybankException.invalid("metadata", "is larger than 2 MiB");
      }
      return Json.mapper().readTree(bytes);
    } catch (IOException e) {
      throw StorybankException.invalid(
          "metadata", "must be the media record as JSON (" + e.getMessage() + ")");
    }
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw StorybankException.notFound("There is no media '" + id + "': ids are UUIDs.");
    }
  }
}
