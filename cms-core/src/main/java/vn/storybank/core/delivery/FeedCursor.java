package vn.storybank.core.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import vn.storybank.core.error.StorybankException;

/** Where a list left off: the publication time and id of its last row (newest first). */
record FeedCursor(Instant publishedAt, UUID id) {
  String encode() {
    String raw = publishedAt.getEpochSecond() + "." + publishedAt.getNano() + "." + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static FeedCursor decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\.", 3);
      return new FeedCursor(
          Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
          UUID.fromString(parts[2]));
    } catch (IllegalArgumentException
        | ArrayIndexOutOfBoundsException
        | java.time.DateTimeException e) {
      throw StorybankException.invalid(
          "cursor", "is not a cursor this API gave out; use the 'next' value of the last page");
    }
  }
}
