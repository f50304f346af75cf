package vn.storybank.web.delivery;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A rendered delivery response with its validators: a strong ETag over the exact bytes (so it
 * differs per locale and format), Last-Modified, Cache-Control and Vary; a matching If-None-Match
 * answers 304 with the same headers and no body.
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
    this.etag = "\"" + digest(body) + "\"";
  }

  static Representation of(byte[] body, String contentType) {
    return new Representation(body, contentType);
  }

  Representation language(String locale) {
    this.contentLanguage = locale;
    return this;
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

  Response respond(String ifNoneMatch) {
    Response.ResponseBuilder response =
        matches(ifNoneMatch) ? Response.notModified() : Response.ok(body, contentType);
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

  /** Weak comparison, as RFC 9110 prescribes for If-None-Match. */
  private boolean matches(String ifNoneMatch) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static String digest(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
