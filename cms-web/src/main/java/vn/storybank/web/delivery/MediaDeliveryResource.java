package vn.storybank.web.delivery;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.UUID;
import vn.storybank.core.Storybank;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.media.MediaDelivery;
import vn.storybank.web.config.Settings;
import vn.storybank.web.http.Problem;

/**
 * Public delivery of media files: renditions (immutable, cached for a year) and originals (with
 * single byte ranges for video and audio players). The record's published state, its rights and
 * allowed channels ({@code ?channel=}) are enforced by the core; editors preview through the admin
 * API.
 */
@Path("v1/{t}/media/{id}")
@Dependent
public class MediaDeliveryResource {
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String ORIGINAL_CACHE = "public, max-age=300";
  private final MediaDelivery delivery;
  private final ItemResponses items;

  @Inject
  public MediaDeliveryResource(Storybank storybank, Settings settings, DeliveryCache cache) {
    this.delivery = storybank.mediaDelivery();
    this.items = new ItemResponses(storybank, settings, cache);
  }

  /** The asset's record as readers see it: caption, credit, licence and file URLs. */
  @GET
  public Response item(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return items.item(tenant, EntryType.MEDIA, uuid(id).toString(), headers, uri);
  }

  @GET
  @Path("renditions/{preset}")
  public Response rendition(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @PathParam("preset") String preset,
      @QueryParam("channel") String channel,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    MediaDelivery.Delivered file = delivery.rendition(tenant, uuid(id), preset, channel);
    if (matches(ifNoneMatch, file.etag())) {
      return Response.notModified()
          .header(HttpHeaders.ETAG, file.etag())
          .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
          .build();
    }
    return Response.ok(stream(file.open()), file.contentType())
        .header(HttpHeaders.ETAG, file.etag())
        .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
        .header(HttpHeaders.CONTENT_LENGTH, file.size())
        .build();
  }

  @GET
  @Path("original")
  public Response original(
      @PathParam("t") String tenant,
      @PathParam("id") String id,
      @QueryParam("channel") String channel,
      @HeaderParam("Range") String range,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    MediaDelivery.Delivered file = delivery.original(tenant, uuid(id), channel);
    if (matches(ifNoneMatch, file.etag())) {
      return Response.notModified().header(HttpHeaders.ETAG, file.etag()).build();
    }
    ByteRange bytes = ByteRange.parse(range, file.size());
    if (bytes == null) {
      return Response.ok(stream(file.open()), file.contentType())
          .header(HttpHeaders.ETAG, file.etag())
          .header(HttpHeaders.CACHE_CONTROL, ORIGINAL_CACHE)
          .header("Accept-Ranges", "bytes")
          .header(HttpHeaders.CONTENT_LENGTH, file.size())
          .build();
    }
    if (!bytes.satisfiable()) {
      return Response.fromResponse(
              Problem.of(
                      "range-not-satisfiable",
                      "Range not satisfiable",
                      416,
                      "The range "
                          + range
                          + " is outside the file, which has "
                          + file.size()
                          + " bytes; ask for one range within it, such as bytes=0-1023.")
                  .toResponse())
          .header("Content-Range", "bytes */" + file.size())
          .build();
    }
    return Response.status(206)
        .entity(stream(file.open(bytes.first(), bytes.length())))
        .type(file.contentType())
        .header(HttpHeaders.ETAG, file.etag())
        .header(HttpHeaders.CACHE_CONTROL, ORIGINAL_CACHE)
        .header("Accept-Ranges", "bytes")
        .header("Content-Range", "bytes " + bytes.first() + "-" + bytes.last() + "/" + file.size())
        .header(HttpHeaders.CONTENT_LENGTH, bytes.length())
        .build();
  }

  private static StreamingOutput stream(InputStream in) {
    return out -> {
      try (InputStream source = in) {
        source.transferTo(out);
      }
    };
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw StorybankException.notFound("There is no media '" + id + "': ids are UUIDs.");
    }
  }
}
