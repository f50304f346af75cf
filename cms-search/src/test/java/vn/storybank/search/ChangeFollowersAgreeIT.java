package vn.storybank.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.Actor;
import vn.storybank.core.channel.ChannelInput;
import vn.storybank.core.delivery.SyncPage;
import vn.storybank.core.entry.WorkflowAction;
import vn.storybank.core.json.Json;
import vn.storybank.core.media.TestMedia;
import vn.storybank.core.snapshot.EntrySnapshot;
import vn.storybank.core.snapshot.Snapshots;
import vn.storybank.core.snapshot.TenantSnapshot;
import vn.storybank.core.story.StoryInput;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.tenant.TenantInput;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;
import vn.storybank.core.webhook.MessageView;
import vn.storybank.core.webhook.SubscriptionInput;
import vn.storybank.core.webhook.WebhookSettings;
import vn.storybank.core.webhook.Webhooks;

/**
 * One change stream through the three followers of the change log: the search index (which entries
 * it reloads), the webhook dispatcher (which entries it announces) and partner sync (which entries
 * a delta page reports). Each step is one write whose reach is visible to all three; they must name
 * the same entries, except where the table in {@code Touched} and {@code SearchIndex} says why not.
 */
class ChangeFollowersAgreeIT {
  static final String T = TestContent.TENANT;
  static final Actor A = TestContent.ACTOR;
  static final String CHANNEL = "web";

  @TempDir Path dir;
  Storybank core;
  Recording snapshots;
  SearchIndex index;
  Webhooks webhooks;
  String subscription;
  String syncToken;
  final Set<String> announced = new HashSet<>();

  UUID photo;
  UUID market;
  UUID terraces;

  @BeforeEach
  void start() {
    Clock clock = Clock.systemUTC();
    core = Storybank.start(TestDatabases.h2(dir.resolve("db")), clock);
    TestContent.laoCai(core);
    core.taxonomies()
        .create(T, TermKind.ETHNIC_GROUP, TestContent.term("dao", "Dao", null, null), A);
    core.channels()
        .put(
            T,
            CHANNEL,
            new ChannelInput(
                "Web",
                "public",
                List.of(new ChannelInput.LocaleInput("vi", null, true)),
                null,
                null,
                null),
            null,
            A);
    photo =
        core.mediaFiles()
            .upload(
                T, new ByteArrayInputStream(TestMedia.png(8, 8)), "image/png", "ruong.png", null, A)
            .header()
            .id();
    core.media()
        .putTranslation(
            T, photo, "vi", TestContent.published("Ruộng bậc thang", "Mùa nước đổ"), null, A);
    market =
        core.stories()
            .create(T, story("Chợ phiên Bắc Hà", List.of("dao"), null, List.of()), A)
            .header()
            .id();
    terraces =
        core.stories()
            .create(T, story("Ruộng bậc thang Mù Cang Chải", List.of(), photo, List.of(market)), A)
            .header()
            .id();

    snapshots = new Recording(core.snapshots());
    index =
        SearchIndex.open(core.changes(), snapshots, SearchSettings.defaults(dir.resolve("index")));
    webhooks =
        new Webhooks(
            core.database().transactions(),
            core.sync(),
            clock,
            new WebhookSettings(
                Duration.ofMillis(50), Duration.ofSeconds(5), true, "https://cms.example.org"));
    subscription =
        webhooks
            .service()
            .create(T, new SubscriptionInput(CHANNEL, "http://127.0.0.1:9/hook", null), A)
            .subscription()
            .id()
            .toString();
    // Each follower starts where the log is now.
    Reached start = follow();
    assertEquals(
        Set.of(photo, market, terraces), start.search, "the first build reads every entry");
  }

  @AfterEach
  void stop() {
    webhooks.close();
    index.close();
    core.close();
  }

  @Test
  void theFollowersNameTheSameEntriesForTheSameChanges() {
    // A term's new label: the entries filed under it show it.
    core.taxonomies()
        .patch(
            T,
            TermKind.ETHNIC_GROUP,
            "dao",
            Json.mapper()
                .createObjectNode()
                .set("labels", Json.mapper().valueToTree(Map.of("vi", "Người Dao"))),
            null,
            A);
    follow().agree(Set.of(market));

    // A photo's new caption: the photo, and the story showing it as its hero image.
    core.media()
        .putTranslation(
            T, photo, "vi", TestContent.published("Ruộng bậc thang", "Lúa chín"), null, A);
    follow().agree(Set.of(photo, terraces));

    // A story withdrawn: delivery drops it from the related list of the story linking it; search
    // holds no links between entries and reloads the withdrawn story alone.
    core.stories().review().act(T, market, "vi", WorkflowAction.UNPUBLISH, null, A);
    Reached withdrawn = follow();
    assertEquals(Set.of(market, terraces), withdrawn.webhooks, "webhooks");
    assertEquals(Set.of(market, terraces), withdrawn.sync, "sync");
    assertEquals(Set.of(market), withdrawn.search, "search");

    // A tenant's time zone: search reloads every entry (dates, served locales); a channel serves
    // its own locales, so delivery has nothing to report.
    TenantInput settings = laoCai("Asia/Bangkok");
    core.tenants().put(T, settings, null, A);
    Reached tenant = follow();
    assertEquals(Set.of(), tenant.webhooks, "webhooks");
    assertEquals(Set.of(), tenant.sync, "sync");
    assertEquals(Set.of(photo, market, terraces), tenant.search, "search");
  }

  /** The entries each follower took up since the last call. */
  private Reached follow() {
    snapshots.loaded.clear();
    index.catchUp();
    Set<UUID> search = new HashSet<>(snapshots.loaded);

    while (webhooks.dispatcher().dispatchOnce(100) > 0) {
      // until caught up
    }
    Set<UUID> announcedNow = new HashSet<>();
    for (MessageView message : webhooks.service().messages(T, subscription, null, 500, A)) {
      if (announced.add(message.id())) {
        announcedNow.add(message.entry());
      }
    }

    Set<UUID> synced = new HashSet<>();
    boolean more = true;
    while (more) {
      SyncPage page = core.sync().sync(T, CHANNEL, syncToken, 100);
      page.items().forEach(item -> synced.add(item.id()));
      page.deleted().forEach(tombstone -> synced.add(tombstone.id()));
      syncToken = page.next();
      more = page.more();
    }
    return new Reached(search, announcedNow, synced);
  }

  private record Reached(Set<UUID> search, Set<UUID> webhooks, Set<UUID> sync) {
    void agree(Set<UUID> expected) {
      assertEquals(expected, search, "search");
      assertEquals(expected, webhooks, "webhooks");
      assertEquals(expected, sync, "sync");
    }
  }

  private static StoryInput story(
      String title, List<String> ethnicGroups, UUID hero, List<UUID> related) {
    return new StoryInput(
        "destination",
        List.of(),
        List.of(),
        List.of(),
        ethnicGroups,
        List.of(),
        null,
        null,
        hero,
        related,
        List.of(),
        null,
        null,
        Map.of("vi", TestContent.published(title, null)));
  }

  private static TenantInput laoCai(String timeZone) {
    return new TenantInput(
        Map.of("vi", "Lào Cai", "en", "Lao Cai"),
        "vi",
        List.of(
            new TenantInput.LocaleInput("vi", List.of()),
            new TenantInput.LocaleInput("en", List.of("vi")),
            new TenantInput.LocaleInput("zh-Hans", List.of("en", "vi")),
            new TenantInput.LocaleInput("hnj", List.of("vi"))),
        timeZone);
  }

  /** The core's read model, noting which entries the index loads. */
  private static final class Recording implements Snapshots {
    private final Snapshots core;
    final Set<UUID> loaded = new LinkedHashSet<>();

    Recording(Snapshots core) {
      this.core = core;
    }

    @Override
    public List<EntrySnapshot> load(Collection<UUID> ids) {
      loaded.addAll(ids);
      return core.load(ids);
    }

    @Override
    public List<EntrySnapshot> page(UUID afterId, int limit) {
      List<EntrySnapshot> page = core.page(afterId, limit);
      page.forEach(e -> loaded.add(e.id()));
      return new ArrayList<>(page);
    }

    @Override
    public List<UUID> entryIdsOfTenant(String tenant) {
      return core.entryIdsOfTenant(tenant);
    }

    @Override
    public List<UUID> entryIdsShowing(Collection<UUID> mediaIds) {
      return core.entryIdsShowing(mediaIds);
    }

    @Override
    public List<UUID> entryIdsWithTerm(UUID termId) {
      return core.entryIdsWithTerm(termId);
    }

    @Override
    public TenantSnapshot tenant(String code) {
      return core.tenant(code);
    }
  }
}
