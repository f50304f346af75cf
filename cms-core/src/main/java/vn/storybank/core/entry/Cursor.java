package vn.storybank.core.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import vn.storybank.core.error.StorybankException;

/**
 * The opaque position after which the next page starts: the sort value and id of the last item. The
 * value is null after an entry that was never published (sorted by {@code publishedAt}).
 */
record Cursor(String sort, Instant value, UUID id) {
  private static final String NONE = "-";

  String encode() {
    String raw =
        value == null
            ? sort + "|" + NONE + "|" + NONE + "|" + id
            : sort + "|" + value.getEpochSecond() + "|" + value.getNano() + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static Cursor decode(String cursor, String expectedSort) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
      if (parts.length != 4 || !parts[0].equals(expectedSort)) {
        throw new IllegalArgumentException("wrong shape");
      }
      Instant value =
          parts[1].equals(NONE) && parts[2].equals(NONE)
              ? null
              : Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
      return new Cursor(parts[0], value, UUID.fromString(parts[3]));
    } catch (IllegalArgumentException e) {
      throw StorybankException.invalid(
          "cursor",
          "is not a cursor this list gave out (cursors are tied to the sort order; start again"
              + " without one)");
    }
  }
}
