package vn.storybank.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.Provider;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import vn.storybank.core.json.Json;

/**
 * Conditional GET and HEAD (RFC 9110 section 13) in one place, for every answer that carries a
 * validator: a 200 whose ETag the If-None-Match names (weak comparison, either content coding), or,
 * without If-None-Match, whose Last-Modified is not after If-Modified-Since, becomes a 304 with the
 * 200's headers (ETag, Last-Modified, Cache-Control, Vary, Content-Location) and no body. It runs
 * after {@link Compression} (response filters run from the highest priority down), so the ETag it
 * compares and sends is the one of the coding the client gets. Authentication and permission checks
 * ran before the resource answered, so a 304 never tells anything a 200 would not.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR - 100)
public class ConditionalRequests implements ContainerResponseFilter {
  /** What describes the body itself, which a 304 does not have. */
  private static final List<String> BODY_HEADERS =
      List.of(
          HttpHeaders.CONTENT_TYPE,
          HttpHeaders.CONTENT_LENGTH,
          HttpHeaders.CONTENT_ENCODING,
          HttpHeaders.CONTENT_LANGUAGE,
          "Content-Range");

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String method = request.getMethod();
    if (response.getStatus() != 200
        || !(method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD))) {
      return;
    }
    tagJson(response);
    if (notModified(
        request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
        request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE),
        response.getHeaderString(HttpHeaders.ETAG),
        response.getLastModified())) {
      response.setStatus(304);
      response.setEntity(null);
      BODY_HEADERS.forEach(response.getHeaders()::remove);
    }
  }

  /**
   * A JSON answer without a validator of its own (admin lists and settings, search, suggestions) is
   * written here rather than by the provider, and gets the strong tag of its bytes, named for the
   * coding {@link Compression} chose. Identical questions of an unchanged bank give identical
   * bytes, so a client asking again gets a 304; any change to what it shows changes the tag.
   */
  private static void tagJson(ContainerResponseContext response) {
    Object entity = response.getEntity();
    MediaType type = response.getMediaType();
    if (entity == null
        || response.getHeaders().containsKey(HttpHeaders.ETAG)
        || type == null
        || !isJson(type)
        || entity instanceof StreamingOutput
        || entity instanceof InputStream
        || entity instanceof File
        || entity instanceof java.nio.file.Path) {
      return;
    }
    byte[] body;
    if (entity instanceof byte[] bytes) {
      body = bytes;
    } else if (entity instanceof String text) {
      body = text.getBytes(StandardCharsets.UTF_8);
    } else {
      try {
        body = Json.mapper().writeValueAsBytes(entity);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("An answer could not be written as JSON", e);
      }
      response.setEntity(body, response.getEntityAnnotations(), type);
    }
    String etag = EntityTags.strong(body);
    String coding = response.getHeaderString(HttpHeaders.CONTENT_ENCODING);
    response
        .getHeaders()
        .putSingle(HttpHeaders.ETAG, coding == null ? etag : EntityTags.coded(etag, coding));
  }

  private static boolean isJson(MediaType type) {
    String sub = type.getSubtype().toLowerCase(Locale.ROOT);
    return type.getType().equalsIgnoreCase("application")
        && (sub.equals("json") || sub.endsWith("+json"));
  }

  /**
   * RFC 9110 13.2.2: If-None-Match, when sent, decides alone; If-Modified-Since counts only without
   * it, and only when the answer has a Last-Modified (compared to the second, its precision).
   */
  static boolean notModified(
      String ifNoneMatch, String ifModifiedSince, String etag, Date lastModified) {
    if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
      return EntityTags.matches(ifNoneMatch, etag);
    }
    if (ifModifiedSince == null || lastModified == null) {
      return false;
    }
    try {
      long since =
          ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
              .toEpochSecond();
      return lastModified.toInstant().getEpochSecond() <= since;
    } catch (DateTimeParseException e) {
      // A date that does not parse is ignored (RFC 9110 13.1.3).
      return false;
    }
  }
}
