package vn.storybank.web.delivery;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.delivery.DeliveredItem;

/**
 * One page of a channel's feed, ready to render.
 *
 * @param title the tenant's name and the channel's, for feed readers
 * @param locale the locale asked for; its items may be fallbacks in other languages
 * @param self this page's absolute URL
 * @param next the next page's absolute URL, or null on the last page
 */
record Feed(
    ChannelView channel,
    String tenantName,
    String title,
    String locale,
    List<DeliveredItem> items,
    String self,
    String next,
    Links links) {

  /** The languages the items are in, each once, in the order they first appear. */
  Set<String> languages() {
    Set<String> languages = new LinkedHashSet<>();
    items.forEach(item -> languages.add(item.locale()));
    return languages;
  }

  /**
   * The feed's language: the one every item is in, or null when they differ (or there is none),
   * since a feed-level language would then be a false claim about some of them.
   */
  String language() {
    Set<String> languages = languages();
    return languages.size() == 1 ? languages.iterator().next() : null;
  }

  /** The newest change among the items, or the epoch for an empty feed (stable for ETags). */
  Instant updated() {
    return items.stream()
        .map(DeliveredItem::updatedAt)
        .max(Instant::compareTo)
        .orElse(Instant.EPOCH);
  }
}
