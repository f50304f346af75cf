package vn.storybank.core.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import vn.storybank.core.error.StorybankException;

/**
 * Where a partner's sync stands. Opaque to partners; unsigned, since a forged token can only ask
 * for what the channel shows anyway.
 *
 * @param channelVersion the channel's version when the sync began: a changed filter invalidates it
 * @param initial whether the partner is still paging through the whole channel
 * @param seq the change-log position the partner is up to date with
 * @param checkedAt until when time-driven changes (rights expiring) were accounted for
 * @param afterId during the initial pass, the last entry id delivered
 */
record SyncToken(long channelVersion, boolean initial, long seq, Instant checkedAt, UUID afterId) {
  String encode() {
    String raw =
        "1."
            + channelVersion
            + "."
            + (initial ? "i" : "d")
            + "."
            + seq
            + "."
            + checkedAt.toEpochMilli()
            + "."
            + (afterId == null ? "-" : afterId.toString());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The token without {@code checkedAt}, which is the clock's time on a last page: two tokens of
   * one position differ only in how far back the next call looks for expired rights, and either
   * gives the partner the channel's content.
   */
  String position() {
    return channelVersion + "." + (initial ? "i" : "d") + "." + seq + "." + afterId;
  }

  static SyncToken decode(String token) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\.", 6);
      if (parts.length != 6 || !parts[0].equals("1") || !parts[2].matches("[id]")) {
        throw new IllegalArgumentException(raw);
      }
      return new SyncToken(
          Long.parseLong(parts[1]),
          parts[2].equals("i"),
          Long.parseLong(parts[3]),
          Instant.ofEpochMilli(Long.parseLong(parts[4])),
          parts[5].equals("-") ? null : UUID.fromString(parts[5]));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw StorybankException.invalid(
          "after",
          "is not a sync token this API gave out; use the 'next' value of your last sync, or no"
              + " 'after' to start from the beginning");
    }
  }
}
