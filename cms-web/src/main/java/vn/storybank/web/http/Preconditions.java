package vn.storybank.web.http;

import jakarta.ws.rs.core.EntityTag;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;

/**
 * Versions as entity tags: {@code ETag: "3"}, {@code If-Match: "3"}; a compressed answer's {@code
 * "3-gzip"} (see {@link Compression}) names the same version.
 */
public final class Preconditions {
  private static final Pattern TAG =
      Pattern.compile("^\\s*(?:W/)?\"(\\d{1,18})(?:-(?:gzip|deflate))?\"\\s*$");

  private Preconditions() {}

  public static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }

  /** The version an If-Match header names, or null when there is none (or it is {@code *}). */
  public static Long expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return null;
    }
    Matcher m = TAG.matcher(ifMatch);
    if (!m.matches()) {
      throw new StorybankException(
          ErrorKind.STALE_VERSION,
          "If-Match "
              + ifMatch
              + " is not an entity tag this API gave out; use the ETag of your last read, such"
              + " as \"3\".");
    }
    return Long.parseLong(m.group(1));
  }
}
