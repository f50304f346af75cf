package vn.storybank.web.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses which answers are compressed: text (JSON, XML, NDJSON, CSV) when the client accepts gzip
 * or deflate; never media files (JPEG, MP4, PDF are compressed already, and a compressed copy would
 * break the byte arithmetic of ranges), never a partial answer (206), never an answer that already
 * has an encoding. Jersey's GZipEncoder and DeflateEncoder do the work for the encoding named here.
 * A Content-Length set by the resource counts the uncompressed bytes, so it is dropped when
 * compressing: the container then sends the compressed length or chunks. A strong ETag gets the
 * coding's name inside its quotes, since the compressed bytes are another representation.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class Compression implements ContainerResponseFilter {
  private static final List<String> ENCODINGS = List.of("gzip", "deflate");

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!response.hasEntity()
        || response.getStatus() == 206
        || response.getHeaders().containsKey(HttpHeaders.CONTENT_ENCODING)
        || !compressible(response.getMediaType())) {
      return;
    }
    response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    String encoding = chosen(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
    if (encoding != null) {
      response.getHeaders().putSingle(HttpHeaders.CONTENT_ENCODING, encoding);
      response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
      // Other bytes, another strong tag (RFC 9110 8.8.3.3); EntityTags matches either form.
      String etag = response.getHeaderString(HttpHeaders.ETAG);
      if (etag != null) {
        response.getHeaders().putSingle(HttpHeaders.ETAG, EntityTags.coded(etag, encoding));
      }
    }
  }

  static boolean compressible(MediaType type) {
    if (type == null) {
      return false;
    }
    String main = type.getType().toLowerCase(Locale.ROOT);
    String sub = type.getSubtype().toLowerCase(Locale.ROOT);
    return main.equals("text")
        || (main.equals("application")
            && (sub.equals("json")
                || sub.endsWith("+json")
                || sub.equals("xml")
                || sub.endsWith("+xml")
                || sub.equals("x-ndjson")
                || sub.equals("jsonl")
                || sub.equals("yaml")));
  }

  /**
   * The first of gzip and deflate the Accept-Encoding header allows (named, or by {@code *}, with a
   * quality above 0), or null to send the answer as it is.
   */
  static String chosen(String acceptEncoding) {
    if (acceptEncoding == null || acceptEncoding.isBlank()) {
      return null;
    }
    Double wildcard = null;
    Map<String, Double> named = new HashMap<>();
    for (String item : acceptEncoding.split(",")) {
      String[] parts = item.trim().split(";");
      String coding = parts[0].trim().toLowerCase(Locale.ROOT);
      double quality = 1;
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].trim();
        if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
          try {
            quality = Double.parseDouble(parameter.substring(2).trim());
          } catch (NumberFormatException e) {
            quality = 0;
          }
        }
      }
      if (coding.equals("*")) {
        wildcard = quality;
      } else {
        named.put(coding, quality);
      }
    }
    for (String encoding : ENCODINGS) {
      Double quality = named.containsKey(encoding) ? named.get(encoding) : wildcard;
      if (quality != null && quality > 0) {
        return encoding;
      }
    }
    return null;
  }
}
