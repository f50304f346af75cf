package vn.storybank.web.http;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Entity tags of answers (RFC 9110 8.8.3): strong ones over the exact bytes, weak ones for answers
 * whose bytes may differ while they mean the same, and one strong tag per content coding: a gzip
 * answer's tag is the identity answer's with {@code -gzip} inside the quotes, since its bytes
 * differ. A tag a client sends back matches in either form.
 */
public final class EntityTags {
  /** The suffix {@link Compression} adds inside the quotes of a strong tag it encodes. */
  private static final Pattern CODED = Pattern.compile("-(?:gzip|deflate)\"$");

  private EntityTags() {}

  /** A strong tag over these bytes. */
  public static String strong(byte[] body) {
    return "\"" + digest(body) + "\"";
  }

  /** A weak tag over these bytes: for answers equivalent whatever small parts of them differ. */
  public static String weak(byte[] body) {
    return "W/" + strong(body);
  }

  /** The tag of this answer sent with a content coding: strong tags name their coding. */
  static String coded(String etag, String coding) {
    if (etag == null || !etag.startsWith("\"") || !etag.endsWith("\"")) {
      return etag;
    }
    return etag.substring(0, etag.length() - 1) + "-" + coding + "\"";
  }

  /** A tag as compared: without W/ and without its coding. */
  private static String plain(String tag) {
    String t = tag.trim();
    if (t.startsWith("W/")) {
      t = t.substring(2);
    }
    return CODED.matcher(t).replaceFirst("\"");
  }

  /**
   * Whether an If-None-Match header names the current tag (the weak comparison RFC 9110 13.1.2
   * prescribes, in whichever coding the client kept it) or is {@code *}.
   */
  public static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || etag == null) {
      return false;
    }
    String current = plain(etag);
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || plain(tag).equals(current)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The body's length and two checksums of it (CRC-32C and CRC-32, different polynomials): 96 bits
   * that tell versions of one URL apart, which is all a validator has to do. A SHA-256 of the page
   * cost more than the rest of rendering a cached page (2 ms for a 65 KB list on a C1-compiled
   * runtime); the checksums are computed by CPU instructions, 100 times faster.
   */
  private static String digest(byte[] body) {
    CRC32C castagnoli = new CRC32C();
    castagnoli.update(body);
    CRC32 ieee = new CRC32();
    ieee.update(body);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            ByteBuffer.allocate(12)
                .putInt(body.length)
                .putInt((int) castagnoli.getValue())
                .putInt((int) ieee.getValue())
                .array());
  }
}
