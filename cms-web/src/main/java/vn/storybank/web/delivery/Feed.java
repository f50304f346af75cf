package vn.storybank.web.delivery;

import java.time.Instant;
import java.util.List;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.delivery.DeliveredItem;

/**
 * One page of a channel's feed, ready to render.
 *
 * @param title the tenant's name and the channel's, for feed readers
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

  /** The newest change among the items, or the epoch for an empty feed (stable for ETags). */
  Instant updated() {
    return items.stream()
        .map(DeliveredItem::updatedAt)
        .max(Instant::compareTo)
        .orElse(Instant.EPOCH);
  }
}
