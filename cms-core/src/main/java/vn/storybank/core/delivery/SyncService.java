package vn.storybank.core.delivery;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.changelog.ChangeView;
import vn.storybank.core.channel.ChannelService;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryQueries;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.touch.Touch;

/**
 * Delta sync for partners, driven by the change log. A first sync pages through the channel by
 * entry id, then continues from the change-log position it started at; every later page looks at
 * the entries that changed since the token (and at assets whose rights expired meanwhile) and
 * reports each as it is now: an item, or a tombstone when it left the channel. Because every page
 * reports current state, a partner that applies the pages in order ends with exactly the channel's
 * content, however edits interleave.
 */
public final class SyncService {
  private final Transactions transactions;
  private final ChangeLog changeLog;
  private final Clock clock;

  public SyncService(Transactions transactions, ChangeLog changeLog, Clock clock) {
    this.transactions = transactions;
    this.changeLog = changeLog;
    this.clock = clock;
  }

  public SyncPage sync(String tenant, String channelCode, String after, int limit) {
    SyncToken given = after == null || after.isBlank() ? null : SyncToken.decode(after);
    return transactions.read(
        em -> {
          ChannelView channel = ChannelService.require(em, tenant, channelCode).view();
          Instant now = clock.instant();
          SyncToken token = given == null ? start(em, channel, now) : given;
          if (token.channelVersion() != channel.version()) {
            throw new StorybankException(
                ErrorKind.GONE,
                "Channel "
                    + channel.code()
                    + " changed its settings since this token was issued; sync again without"
                    + " 'after' to receive its whole content.");
          }
          return token.initial()
              ? initialPage(em, channel, token, now, limit)
              : deltaPage(em, channel, token, now, limit);
        });
  }

  /**
   * How these entries stand in the channel now: those it shows, as a sync page would report them;
   * an id absent from the answer is not in the channel (deleted, unpublished, expired, filtered).
   */
  public Map<UUID, SyncPage.Item> current(
      String tenant, String channelCode, java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return transactions.read(
        em -> {
          ChannelView channel = ChannelService.require(em, tenant, channelCode).view();
          Instant now = clock.instant();
          List<Entry> entries = new EntryQueries(em).ofTenant(tenant, ids);
          ItemBuilder builder = builder(em, now, channel).prefetch(entries);
          Map<UUID, SyncPage.Item> current = new LinkedHashMap<>();
          for (Entry entry : entries) {
            SyncPage.Item item = item(builder, entry, channel);
            if (item != null) {
              current.put(entry.id(), item);
            }
          }
          return current;
        });
  }

  private static SyncToken start(EntityManager em, ChannelView channel, Instant now) {
    return new SyncToken(channel.version(), true, ChangeLog.head(em), now, null);
  }

  private SyncPage initialPage(
      EntityManager em, ChannelView channel, SyncToken token, Instant now, int limit) {
    List<Entry> entries =
        new EntryQueries(em).inIdOrder(Entry.class, channel.tenant(), token.afterId(), limit);
    ItemBuilder builder = builder(em, now, channel).prefetch(entries);
    List<SyncPage.Item> items = new ArrayList<>();
    for (Entry entry : entries) {
      SyncPage.Item item = item(builder, entry, channel);
      if (item != null) {
        items.add(item);
      }
    }
    boolean more = entries.size() == limit;
    SyncToken next =
        more
            ? new SyncToken(
                token.channelVersion(),
                true,
                token.seq(),
                token.checkedAt(),
                entries.get(entries.size() - 1).id())
            : new SyncToken(token.channelVersion(), false, token.seq(), token.checkedAt(), null);
    return new SyncPage(List.copyOf(items), List.of(), next.encode(), more, next.position());
  }

  private SyncPage deltaPage(
      EntityManager em, ChannelView channel, SyncToken token, Instant now, int limit) {
    List<ChangeView> changes = changeLog.after(em, channel.tenant(), token.seq(), limit);
    // A channel's own change needs no look here: its new version refuses the token (410).
    Map<UUID, String> touched = new LinkedHashMap<>();
    Touched.delivered(em, changes.stream().map(Touch::of).toList())
        .forEach(
            (id, reached) ->
                touched.put(id, reached.written() == null ? null : reached.written().code()));
    boolean more = changes.size() == limit;
    // Rights that ran out since the last sync change what the channel shows without a write.
    Instant checkedUntil = more ? token.checkedAt() : now;
    if (!more) {
      Touched.rightsExpired(em, channel.tenant(), token.checkedAt(), now)
          .forEach(
              row -> {
                UUID id = (UUID) row[0];
                touched.putIfAbsent(id, "media");
                Touched.linking(em, id).forEach(e -> touched.putIfAbsent(e, null));
              });
    }
    Map<UUID, Entry> entries = new HashMap<>();
    if (!touched.isEmpty()) {
      new EntryQueries(em).byIds(touched.keySet()).forEach(e -> entries.put(e.id(), e));
    }
    ItemBuilder builder = builder(em, now, channel).prefetch(entries.values());
    List<SyncPage.Item> items = new ArrayList<>();
    List<SyncPage.Tombstone> deleted = new ArrayList<>();
    List<String> types = channel.filter().types();
    touched.forEach(
        (id, type) -> {
          Entry entry = entries.get(id);
          if (entry == null || !entry.tenant().equals(channel.tenant())) {
            if (type != null && (types.isEmpty() || types.contains(type))) {
              deleted.add(new SyncPage.Tombstone(id, type, "deleted"));
            }
            return;
          }
          SyncPage.Item item = item(builder, entry, channel);
          if (item != null) {
            items.add(item);
          } else if (types.isEmpty() || types.contains(entry.entryType().code())) {
            deleted.add(new SyncPage.Tombstone(id, entry.entryType().code(), "unavailable"));
          }
        });
    long seq = changes.isEmpty() ? token.seq() : changes.get(changes.size() - 1).seq();
    SyncToken next = new SyncToken(token.channelVersion(), false, seq, checkedUntil, null);
    return new SyncPage(
        List.copyOf(items), List.copyOf(deleted), next.encode(), more, next.position());
  }

  /** A builder for every locale of the channel. */
  private static ItemBuilder builder(EntityManager em, Instant now, ChannelView channel) {
    return new ItemBuilder(
        em,
        now,
        channel,
        Set.of(),
        channel.locales().stream().map(l -> channel.chain(l.tag())).toList());
  }

  /** The entry in every channel locale that has it, or null when it is not in the channel. */
  private static SyncPage.Item item(ItemBuilder builder, Entry entry, ChannelView channel) {
    if (!Availability.inFilter(entry, channel) || !builder.deliverable(entry)) {
      return null;
    }
    Map<String, DeliveredItem> locales = new LinkedHashMap<>();
    for (var locale : channel.locales()) {
      DeliveredItem item = builder.build(entry, locale.tag(), channel.chain(locale.tag()));
      if (item != null) {
        locales.put(locale.tag(), item);
      }
    }
    if (locales.isEmpty()) {
      return null;
    }
    EntryType type = entry.entryType();
    return new SyncPage.Item(entry.id(), type, entry.version(), locales);
  }
}
