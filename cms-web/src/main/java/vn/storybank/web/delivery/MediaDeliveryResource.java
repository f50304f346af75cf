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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.UUID;
import vn.storybank.core.changelog.ChangeService;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.delivery.DeliveryService;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.media.MediaDelivery;
import vn.storybank.core.partner.PartnerService;
import vn.storybank.core.tenant.TenantService;
import vn.storybank.web.config.Settings;
import vn.storybank.web.http.EntityTags;
import vn.storybank.web.http.Problem;
import vn.storybank.web.http.ProblemType;

/**
 * Public delivery of media files: renditions (immutable, cached for a year) and originals (with
 * single byte ranges for video and audio players). The record's published state, its rights and
 * allowed channels ({@code ?channel=}) are enforced by the core; editors preview through the admin
 * API. Through a key-protected channel a file answers its partners only: their key, or a URL the
 * channel's answers signed (see {@link FileSignatures}); such answers are private to the browser.
 */
@Path("v1/{t}/media/{id}")
@Dependent
public class MediaDeliveryResource {
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String ORIGINAL_CACHE = "public, max-age=300";
  private final MediaDelivery delivery;
  private final DeliveryService itemDelivery;
  private final PartnerService partners;
  private final ItemResponses items;
  private final FileSignatures signatures;

  @Inject
  public MediaDeliveryResource(
      MediaDelivery delivery,
      DeliveryService itemDelivery,
      TenantService tenants,
      ChangeService changes,
      PartnerService partners,
      Settings settings,
      DeliveryCache cache,
      FileSignatures signatures) {
    this.delivery = delivery;
    this.itemDelivery = itemDelivery;
    this.partners = partners;
    this.items =
        new ItemResponses(
            itemDelivery,
            tenants,
            settings,
            new CachedAnswers(changes, partners, cache),
            signatures);
    this.signatures = signatures;
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
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    UUID media = uuid(id);
    String cache = partnersOnly(tenant, media, "renditions/" + preset, channel, headers, uri);
    MediaDelivery.Delivered file = delivery.rendition(tenant, media, preset, channel);
    String cacheControl = cache == null ? IMMUTABLE : cache;
    if (EntityTags.matches(ifNoneMatch, file.etag())) {
      return notModified(file, cacheControl);
    }
    return Response.ok(stream(file.open()), file.contentType())
        .header(HttpHeaders.ETAG, file.etag())
        .header(HttpHeaders.CACHE_CONTROL, cacheControl)
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
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    UUID media = uuid(id);
    String cache = partnersOnly(tenant, media, "original", channel, headers, uri);
    MediaDelivery.Delivered file = delivery.original(tenant, media, channel);
    String cacheControl = cache == null ? ORIGINAL_CACHE : cache;
    if (EntityTags.matches(ifNoneMatch, file.etag())) {
      return notModified(file, cacheControl);
    }
    // If-Range (RFC 9110 13.1.5): the range only of the file the client holds part of; of a
    // changed file, the whole. An entity tag compares strongly; a date never matches (none given).
    String ifRange = headers.getHeaderString("If-Range");
    ByteRange bytes =
        ifRange == null || ifRange.trim().equals(file.etag())
            ? ByteRange.parse(range, file.size())
            : null;
    if (bytes == null) {
      return Response.ok(stream(file.open()), file.contentType())
          .header(HttpHeaders.ETAG, file.etag())
          .header(HttpHeaders.CACHE_CONTROL, cacheControl)
          .header("Accept-Ranges", "bytes")
          .header(HttpHeaders.CONTENT_LENGTH, file.size())
          .build();
    }
    if (!bytes.satisfiable()) {
      return Response.fromResponse(
              Problem.of(
                      ProblemType.RANGE_NOT_SATISFIABLE,
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
        .header(HttpHeaders.CACHE_CONTROL, cacheControl)
        .header("Accept-Ranges", "bytes")
        .header("Content-Range", "bytes " + bytes.first() + "-" + bytes.last() + "/" + file.size())
        .header(HttpHeaders.CONTENT_LENGTH, bytes.length())
        .build();
  }

  /**
   * Through a key-protected channel, checks the partner's key or the URL's signature before
   * anything of the file is looked at, so that a refusal says nothing of whether it exists.
   *
   * @param file {@code original} or {@code renditions/<preset>}, as signed
   * @return the Cache-Control of the answer, or null when the channel (or none) is public
   */
  private String partnersOnly(
      String tenant, UUID media, String file, String code, HttpHeaders headers, UriInfo uri) {
    if (code == null) {
      return null;
    }
    ChannelView channel = itemDelivery.channel(tenant, code);
    if (channel.isPublic()) {
      return null;
    }
    MultivaluedMap<String, String> params = uri.getQueryParameters();
    if (headers.getHeaderString(ChannelAccess.HEADER) != null
        || params.containsKey(ChannelAccess.PARAMETER)) {
      // Checked and rate-limited as on the channel's feeds; a file is no read of content, so it
      // is not counted in the partner's usage figures.
      ChannelAccess.check(partners, channel, headers, params);
      return "private, no-cache";
    }
    String signature = params.getFirst(FileSignatures.SIGNATURE);
    if (signature == null) {
      throw new StorybankException(
          ErrorKind.UNAUTHORIZED,
          "The files of channel "
              + code
              + " are for its partners: send your partner key in the X-Api-Key header (or as"
              + " ?api_key=), or use the file URLs of the channel's answers as they are: they are"
              + " signed and need no key.");
    }
    long left =
        signatures.verify(
            tenant, media, file, code, params.getFirst(FileSignatures.EXPIRES), signature);
    // The browser may keep the file while the URL is valid; shared caches may not.
    return "private, max-age=" + left;
  }

  private static StreamingOutput stream(InputStream in) {
    return out -> {
      try (InputStream source = in) {
        source.transferTo(out);
      }
    };
  }

  /** Decided before the file is opened; the same validators and caching as its 200. */
  private static Response notModified(MediaDelivery.Delivered file, String cacheControl) {
    return Response.notModified()
        .header(HttpHeaders.ETAG, file.etag())
        .header(HttpHeaders.CACHE_CONTROL, cacheControl)
        .build();
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw StorybankException.notFound("There is no media '" + id + "': ids are UUIDs.");
    }
  }
}
