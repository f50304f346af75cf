package vn.storybank.core.delivery;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.entry.EntryType;

/**
 * One page of a partner's sync: entries to upsert, ids to remove, and the token to ask with next.
 *
 * @param more whether to ask again at once with {@code next}; when false, keep {@code next} for the
 *     next sync
 * @param position where {@code next} stands without the moment it was issued: the same for
 *     identical calls on an unchanged bank (an answer's validator), where {@code next} is not
 */
public record SyncPage(
    List<Item> items, List<Tombstone> deleted, String next, boolean more, String position) {
  /** An entry as the channel shows it now, in each of the channel's locales that has it. */
  public record Item(UUID id, EntryType type, long version, Map<String, DeliveredItem> locales) {}

  /**
   * An entry that left the channel.
   *
   * @param reason {@code deleted}, or {@code unavailable} (unpublished, rights expired, out of the
   *     channel's filter)
   */
  public record Tombstone(UUID id, String type, String reason) {}
}
