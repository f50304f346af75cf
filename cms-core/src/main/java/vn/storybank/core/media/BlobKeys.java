package vn.storybank.core.media;

import java.util.regex.Pattern;

/**
 * Blob keys. Originals are addressed by the SHA-256 of their bytes, so the same file uploaded twice
 * is stored once; renditions live under their original's hash, so deleting an original's folder
 * removes them all.
 */
public final class BlobKeys {
  public static final String ORIGINALS = "originals/";
  public static final String RENDITIONS = "renditions/";
  private static final Pattern KEY =
      Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private BlobKeys() {}

  public static String original(String sha256) {
    requireSha(sha256);
    return ORIGINALS + sha256.substring(0, 2) + "/" + sha256;
  }

  public static String renditionFolder(String sha256) {
    requireSha(sha256);
    return RENDITIONS + sha256 + "/";
  }

  /** The hash an original's or rendition's key belongs to, or null. */
  static String shaOf(String key) {
    String[] parts = key.split("/");
    if (key.startsWith(ORIGINALS) && parts.length == 3) {
      return parts[2];
    }
    if (key.startsWith(RENDITIONS) && parts.length >= 2) {
      return parts[1];
    }
    return null;
  }

  /** Refuses keys that could name something outside the store (absolute, "..", odd characters). */
  public static String require(String key) {
    if (key == null || key.length() > 512 || !KEY.matcher(key).matches() || key.contains("..")) {
      throw new IllegalArgumentException("Not a blob key: " + key);
    }
    return key;
  }

  static void requireSha(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("Not a SHA-256 in hex: " + sha256);
    }
  }
}
