package vn.storybank.core.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entrytype.EntryTypes;
import vn.storybank.core.media.MediaAsset;
import vn.storybank.core.taxonomy.TermKind;

/**
 * What readers may see. Every delivery path (items, lists, feeds, sync, sitemap) asks here, so that
 * a draft, an expired asset or an entry outside a channel's filter can slip through none of them.
 */
final class Availability {
  private Availability() {}

  /**
   * The first locale along the chain that readers see, from what is live of an entry (see {@link
   * ItemBuilder}: a translation with a live revision no embargo holds back), or null.
   */
  static <T> T served(Map<String, T> live, List<String> chain) {
    for (String locale : chain) {
      T t = live.get(locale);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  /**
   * Whether a media asset may be shown — as its own item, with another entry, or as a file: it is
   * published in some locale (never published or taken down, it is shown nowhere, as its files are
   * served nowhere: see MediaDelivery), its rights hold (not expired, consent where people are
   * identifiable), and its licence allows where it is shown: for a channel, that channel; without
   * one (the tenant's plain delivery), an asset restricted to some channels only when one of them
   * is public — the rule the plain media URLs follow, so no answer shows a URL that fails.
   *
   * @param liveSomewhere whether some translation of the asset is live now
   * @param publicChannels the codes of the tenant's public channels (used without a channel only)
   */
  static boolean shown(
      MediaAsset asset,
      boolean liveSomewhere,
      Instant now,
      ChannelView channel,
      Set<String> publicChannels) {
    if (!liveSomewhere) {
      return false;
    }
    if (asset.rightsExpireAt() != null && !now.isBefore(asset.rightsExpireAt())) {
      return false;
    }
    if (asset.peopleIdentifiable() && !asset.consentObtained()) {
      return false;
    }
    List<String> allowed = asset.channelsAllowed();
    if (allowed.isEmpty()) {
      return true;
    }
    return channel != null
        ? allowed.contains(channel.code())
        : allowed.stream().anyMatch(publicChannels::contains);
  }

  /** Whether the entry itself may be delivered (media assets only where they may be shown). */
  static boolean deliverable(
      Entry entry,
      Map<String, ?> live,
      Instant now,
      ChannelView channel,
      Set<String> publicChannels) {
    MediaAsset asset = EntryTypes.asMedia(entry);
    return asset == null || shown(asset, !live.isEmpty(), now, channel, publicChannels);
  }

  /**
   * Whether a reader may open the entry, alone or as a link from another: in the channel's filter,
   * deliverable, and live along the locale chain. A reference list names only such entries, so that
   * no public answer hands out the id of something that answers 404.
   */
  static boolean visible(
      Entry entry,
      Map<String, ?> live,
      List<String> chain,
      Instant now,
      ChannelView channel,
      Set<String> publicChannels) {
    return inFilter(entry, channel)
        && deliverable(entry, live, now, channel, publicChannels)
        && served(live, chain) != null;
  }

  /** Whether the entry passes the channel's content filter (no channel: everything does). */
  static boolean inFilter(Entry entry, ChannelView channel) {
    if (channel == null) {
      return true;
    }
    var filter = channel.filter();
    if (!filter.types().isEmpty() && !filter.types().contains(entry.entryType().code())) {
      return false;
    }
    if (!filter.kinds().isEmpty() && !filter.kinds().contains(EntryTypes.kind(entry))) {
      return false;
    }
    if (!filter.pillars().isEmpty()
        && entry.termCodes(TermKind.PILLAR).stream().noneMatch(filter.pillars()::contains)) {
      return false;
    }
    return filter.topics().isEmpty()
        || entry.termCodes(TermKind.TOPIC).stream().anyMatch(filter.topics()::contains);
  }
}
