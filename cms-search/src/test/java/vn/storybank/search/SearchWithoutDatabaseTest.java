package vn.storybank.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.changelog.ChangeFeed;
import vn.storybank.core.changelog.ChangeView;
import vn.storybank.core.changelog.Operation;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.snapshot.EntrySnapshot;
import vn.storybank.core.snapshot.Snapshots;
import vn.storybank.core.snapshot.TenantSnapshot;
import vn.storybank.core.snapshot.TranslationSnapshot;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.taxonomy.TermView;
import vn.storybank.core.tenant.TenantInput.LocaleInput;
import vn.storybank.core.tenant.TenantView;
import vn.storybank.search.SearchRequest.Audience;

/**
 * The index builds, follows and answers over an in-memory change log and read model: search needs
 * nothing of the core but its {@link ChangeFeed} and {@link Snapshots}.
 */
class SearchWithoutDatabaseTest {
  static final String T = "memory";
  static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  @TempDir Path dir;
  final Feed feed = new Feed();
  final Entries entries = new Entries();

  @Test
  void buildsFollowsEntryAndTenantChangesAndForgetsDeletedEntries() {
    UUID market = entries.put(story("Chợ phiên Bắc Hà"));
    feed.add("story", market, Operation.CREATE);
    try (SearchIndex index = SearchIndex.open(feed, entries, SearchSettings.defaults(dir))) {
      SearchService search = new SearchService(index, Clock.fixed(NOW, ZoneOffset.UTC));
      index.rebuild();
      assertEquals(feed.head(), index.position());
      assertEquals(List.of(market), ids(search, "chợ phiên"));

      UUID terraces = entries.put(story("Ruộng bậc thang Mù Cang Chải"));
      feed.add("story", terraces, Operation.CREATE);
      entries.put(withId(market, story("Chợ tình Khâu Vai")));
      feed.add("story", market, Operation.UPDATE);
      index.catchUp();
      assertEquals(List.of(terraces), ids(search, "ruộng bậc thang"));
      assertEquals(List.of(market), ids(search, "khâu vai"));
      assertEquals(List.of(), ids(search, "bắc hà"));

      // A tenant's settings reach every entry of the tenant, though none of them was written.
      entries.put(withId(terraces, story("Đồi chè Tân Cương")));
      feed.add("tenant", UUID.nameUUIDFromBytes(T.getBytes()), Operation.UPDATE);
      index.catchUp();
      assertEquals(List.of(terraces), ids(search, "đồi chè"));

      entries.remove(market);
      feed.add("story", market, Operation.DELETE);
      // Rows no follower shows are passed over.
      feed.add("account", UUID.randomUUID(), Operation.UPDATE);
      index.catchUp();
      assertEquals(List.of(), ids(search, "khâu vai"));
      assertEquals(feed.head(), index.position());
    }
  }

  @Test
  void reportsHowFarBehindTheChangeLogItIs() {
    feed.add("story", entries.put(story("Chợ phiên Bắc Hà")), Operation.CREATE);
    try (SearchIndex index = SearchIndex.open(feed, entries, SearchSettings.defaults(dir))) {
      index.rebuild();
      index.catchUp();
      IndexStatus atHead = index.status();
      assertEquals(1L, atHead.head());
      assertEquals(0L, atHead.changesBehind());
      assertEquals(0L, atHead.lagSeconds());
      assertTrue(atHead.caughtUp());
      assertTrue(atHead.ready());

      // Written a minute ago, not yet followed: behind, though it has caught up once.
      feed.add(
          "story",
          entries.put(story("Ruộng bậc thang")),
          Operation.CREATE,
          Instant.now().minusSeconds(60));
      feed.add("story", entries.put(story("Đồi chè")), Operation.CREATE, Instant.now());
      IndexStatus behind = index.status();
      assertEquals(1L, behind.position());
      assertEquals(3L, behind.head());
      assertEquals(2L, behind.changesBehind());
      assertTrue(behind.lagSeconds() >= 60, behind.toString());
      assertFalse(behind.caughtUp());
      assertTrue(behind.ready());

      index.catchUp();
      assertEquals(0L, index.status().changesBehind());
      assertTrue(index.status().caughtUp());
    }
  }

  @Test
  void catchesUpWithManyChangesOnSeveralThreadsOnceTheWritersAreDone() {
    List<UUID> written = new ArrayList<>();
    for (int i = 0; i < 2300; i++) {
      UUID id = entries.put(story("Chợ phiên số " + i));
      written.add(id);
      feed.add("story", id, Operation.CREATE);
    }
    try (SearchIndex index = SearchIndex.open(feed, entries, SearchSettings.defaults(dir))) {
      // The first batch (2,000 changes) sees the head move and keeps to one thread; the second
      // sees it still and uses the rebuild's threads.
      index.catchUp();
      assertEquals(0L, index.status().changesBehind());
      assertEquals(2300, index.status().documents());
      SearchService search = new SearchService(index, Clock.fixed(NOW, ZoneOffset.UTC));
      assertEquals(List.of(written.get(2299)), ids(search, "2299"));
    }
  }

  @Test
  void aNewIndexIsNeitherReadyNorCaughtUp() {
    feed.add("story", entries.put(story("Chợ phiên Bắc Hà")), Operation.CREATE);
    try (SearchIndex index = SearchIndex.open(feed, entries, SearchSettings.defaults(dir))) {
      IndexStatus fresh = index.status();
      assertEquals(1L, fresh.changesBehind());
      assertFalse(fresh.caughtUp());
      assertFalse(fresh.ready());
    }
  }

  private static List<UUID> ids(SearchService search, String q) {
    return search.search(SearchRequest.of(T, Audience.EDITOR, q, null)).hits().stream()
        .map(SearchResult.Hit::id)
        .distinct()
        .toList();
  }

  private static EntrySnapshot story(String title) {
    return withId(UUID.randomUUID(), storyTemplate(title));
  }

  private static EntrySnapshot storyTemplate(String title) {
    TranslationSnapshot vi =
        new TranslationSnapshot(
            "vi",
            title,
            null,
            null,
            title,
            List.of(),
            null,
            null,
            null,
            TranslationStatus.DRAFT,
            null,
            NOW,
            null,
            List.of(),
            null);
    return new EntrySnapshot(
        null,
        T,
        EntryType.STORY,
        "destination",
        List.of(),
        null,
        null,
        LocalDate.of(2026, 12, 1),
        null,
        null,
        false,
        List.of(),
        false,
        List.of(),
        NOW,
        NOW,
        List.of(vi));
  }

  private static EntrySnapshot withId(UUID id, EntrySnapshot e) {
    return new EntrySnapshot(
        id,
        e.tenant(),
        e.type(),
        e.kind(),
        e.terms(),
        e.latitude(),
        e.longitude(),
        e.date(),
        e.ocopStars(),
        e.rightsExpireAt(),
        e.rightsBlocked(),
        e.channels(),
        e.hasMedia(),
        e.publicMedia(),
        e.createdAt(),
        e.updatedAt(),
        e.translations());
  }

  /** A change log in a list. */
  static final class Feed implements ChangeFeed {
    private final List<ChangeView> rows = new ArrayList<>();

    void add(String entityType, UUID id, Operation operation) {
      add(entityType, id, operation, NOW);
    }

    void add(String entityType, UUID id, Operation operation, Instant at) {
      rows.add(
          new ChangeView(
              rows.size() + 1, T, entityType, id, null, operation, 1, at, "memory-test"));
    }

    @Override
    public List<ChangeView> afterAll(long position, int limit) {
      return rows.stream().filter(c -> c.seq() > position).limit(limit).toList();
    }

    @Override
    public long head() {
      return rows.size();
    }
  }

  /** The read model in a map: one tenant with two locales and no terms or channels. */
  static final class Entries implements Snapshots {
    private final TreeMap<UUID, EntrySnapshot> byId = new TreeMap<>();

    UUID put(EntrySnapshot entry) {
      byId.put(entry.id(), entry);
      return entry.id();
    }

    void remove(UUID id) {
      byId.remove(id);
    }

    @Override
    public List<EntrySnapshot> load(Collection<UUID> ids) {
      return ids.stream().map(byId::get).filter(e -> e != null).toList();
    }

    @Override
    public List<EntrySnapshot> page(UUID afterId, int limit) {
      return (afterId == null ? byId : byId.tailMap(afterId, false))
          .values().stream().limit(limit).toList();
    }

    @Override
    public List<UUID> entryIdsOfTenant(String tenant) {
      return byId.values().stream()
          .filter(e -> e.tenant().equals(tenant))
          .map(EntrySnapshot::id)
          .toList();
    }

    @Override
    public List<UUID> entryIdsShowing(Collection<UUID> mediaIds) {
      return List.of();
    }

    @Override
    public List<UUID> entryIdsWithTerm(UUID termId) {
      return List.of();
    }

    @Override
    public TenantSnapshot tenant(String code) {
      if (!code.equals(T)) {
        throw StorybankException.notFound("There is no tenant '" + code + "'.");
      }
      Map<TermKind, List<TermView>> terms = new EnumMap<>(TermKind.class);
      for (TermKind kind : TermKind.values()) {
        terms.put(kind, List.of());
      }
      return new TenantSnapshot(
          new TenantView(
              T,
              Map.of("vi", "Trong bộ nhớ"),
              "vi",
              List.of(new LocaleInput("vi", List.of()), new LocaleInput("en", List.of("vi"))),
              "Asia/Ho_Chi_Minh",
              1,
              NOW,
              NOW),
          terms,
          Set.of());
    }
  }
}
