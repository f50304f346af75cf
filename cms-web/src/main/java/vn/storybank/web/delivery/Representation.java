package vn.storybank.web.delivery;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import vn.storybank.web.http.EntityTags;

/**
 * A rendered delivery response with its validators: a strong ETag over the exact bytes (so it
 * differs per locale and format), Last-Modified, Cache-Control and Vary.
 */
final class Representation {
  private final byte[] body;
  private final String contentType;
  private final String etag;
  private String contentLanguage;
  private Instant lastModified;
  private String cacheControl;

  private Representation(byte[] body, String contentType) {
    this.body = body;
    this.contentType = contentType;
    this.etag = EntityTags.strong(body);
  }

  static Representation of(byte[] body, String contentType) {
    return new Representation(body, contentType);
  }

  /** The languages the answer is in (Content-Language), or null to claim none. */
  Representation language(String locales) {
    this.contentLanguage = locales;
    return this;
  }

  /** A Content-Language of these languages (RFC 9110 8.5: a list), or null for none. */
  static String languages(Collection<String> tags) {
    return tags.isEmpty() ? null : String.join(", ", tags);
  }

  Representation lastModified(Instant at) {
    this.lastModified = at;
    return this;
  }

  Representation cacheControl(String value) {
    this.cacheControl = value;
    return this;
  }

  String etag() {
    return etag;
  }

  /**
   * The answer with its validators; a request whose If-None-Match or If-Modified-Since it satisfies
   * gets a 304 from {@link vn.storybank.web.http.ConditionalRequests}, after the content coding
   * (and so the entity tag) is chosen.
   */
  Response respond() {
    Response.ResponseBuilder response = Response.ok(body, contentType);
    response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.VARY, "Accept, Accept-Language");
    if (cacheControl != null) {
      response.header(HttpHeaders.CACHE_CONTROL, cacheControl);
    }
    if (contentLanguage != null) {
      response.header(HttpHeaders.CONTENT_LANGUAGE, contentLanguage);
    }
    if (lastModified != null) {
      response.header(HttpHeaders.LAST_MODIFIED, Date.from(lastModified));
    }
    return response.build();
  }
}
