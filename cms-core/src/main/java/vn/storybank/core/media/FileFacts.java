package vn.storybank.core.media;

import java.time.Instant;

/**
 * What a file says about itself: displayed dimensions, duration, and the camera's and the
 * photographer's metadata (EXIF, IPTC, XMP). Any of it may be null.
 */
record FileFacts(
    Integer width,
    Integer height,
    Long durationMs,
    Instant capturedAt,
    Double latitude,
    Double longitude,
    String camera,
    String caption,
    String credit,
    String copyright) {
  static final FileFacts NONE =
      new FileFacts(null, null, null, null, null, null, null, null, null, null);
}
