package vn.storybank.core.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.Actor;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.story.Story;
import vn.storybank.core.story.StoryInput;
import vn.storybank.core.taxonomy.Term;
import vn.storybank.core.taxonomy.TermIndex;
import vn.storybank.core.tenant.Tenant;
import vn.storybank.core.testing.TestClock;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;

/**
 * Entry lists with their filters combined, for the editorial team (every working text) and for a
 * reader (live revisions only), in both sort orders and across cursor pages: each answer is checked
 * against the same rules applied in Java to the entries as stored.
 */
class EntryListingIT {
  private static final String T = TestContent.TENANT;
  private static final Actor ACTOR = TestContent.ACTOR;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void filtersCombineAndPagesFollowTheSortOrder(String database, @TempDir Path dir) {
    // The clock moves every third entry, so that timestamps tie and the id breaks the tie.
    TestClock clock = new TestClock(Instant.parse("2026-12-01T00:00:00Z"));
    try (Storybank storybank = Storybank.start(TestDatabases.of(database, dir), clock)) {
      TestContent.laoCai(storybank);
      Instant middle = null;
      for (int i = 0; i < 18; i++) {
        if (i % 3 == 0) {
          clock.advance(Duration.ofSeconds(1));
        }
        if (i == 9) {
          middle = clock.instant();
        }
        seed(storybank, i);
      }
      List<Fact> facts = facts(storybank.database().transactions());
      assertEquals(18, facts.size());

      List<ListQuery> queries = new ArrayList<>();
      for (String sort :
          new String[] {
            null, "updatedAt", "-createdAt", "createdAt", "-publishedAt", "publishedAt"
          }) {
        queries.add(query(null, null, null, null, null, null, null, null, sort));
        queries.add(
            query("destination", "sapa-destination", null, null, null, null, null, null, sort));
        queries.add(query(null, null, "lao-cai", "en", null, null, null, null, sort));
        queries.add(
            query(null, null, null, "en", TranslationStatus.PUBLISHED, null, null, null, sort));
        queries.add(query(null, null, null, "vi", TranslationStatus.DRAFT, null, null, null, sort));
        queries.add(query("festival-event", null, null, null, null, "en", null, null, sort));
        queries.add(query(null, "sapa-destination", null, null, null, null, null, "chợ", sort));
        queries.add(query(null, null, null, "vi", null, "en", middle, "CHỢ", sort));
        queries.add(query(null, null, null, null, null, null, null, "ổi tên", sort));
      }
      Instant now = clock.instant();
      for (ListQuery query : queries) {
        for (Instant liveAt : new Instant[] {null, now}) {
          List<UUID> expected = expected(facts, query, liveAt);
          assertEquals(
              expected, pages(storybank, query, liveAt, 200), query + " live at " + liveAt);
          assertEquals(
              expected, pages(storybank, query, liveAt, 4), query + " by pages, live at " + liveAt);
        }
      }
      assertTrue(
          queries.stream().anyMatch(q -> !expected(facts, q, now).isEmpty())
              && queries.stream()
                  .anyMatch(q -> expected(facts, q, now).size() < expected(facts, q, null).size()),
          "the data tells the editorial list from the reader's");
    }
  }

  /**
   * The summaries of a list show what the whole entries show, for the editorial team and for a
   * journalist (live revisions only), and a page costs the same few statements whatever its limit.
   */
  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void summariesShowWhatWholeEntriesShowInAFewStatements(String database, @TempDir Path dir) {
    TestClock clock = new TestClock(Instant.parse("2026-12-01T00:00:00Z"));
    try (Storybank storybank = Storybank.start(TestDatabases.of(database, dir), clock)) {
      TestContent.laoCai(storybank);
      UUID photo =
          storybank
              .media()
              .create(
                  T,
                  new vn.storybank.core.media.MediaInput(
                      "photo",
                      null,
                      null,
                      null,
                      null,
                      false,
                      false,
                      null,
                      null,
                      List.of(),
                      null,
                      null,
                      List.of("sa-pa"),
                      List.of(),
                      List.of(),
                      Map.of("vi", TestContent.text("Ruộng bậc thang"))),
                  ACTOR)
              .header()
              .id();
      for (int i = 0; i < 18; i++) {
        clock.advance(Duration.ofSeconds(1));
        seed(storybank, i);
      }
      StoryInput withHero =
          new StoryInput(
              "destination",
              List.of("sapa-destination"),
              List.of(),
              List.of("sa-pa"),
              List.of(),
              List.of(),
              null,
              null,
              photo,
              List.of(),
              List.of(),
              null,
              null,
              Map.of("vi", TestContent.text("Bản Cát Cát")));
      storybank.stories().create(T, withHero, ACTOR);
      storybank
          .users()
          .createUser(
              new vn.storybank.core.account.UserInput("bao", "mây trắng Sa Pa 2026", null), ACTOR);
      storybank
          .members()
          .putMember(
              T,
              "bao",
              new vn.storybank.core.account.MemberInput(List.of("journalist"), List.of()),
              ACTOR);

      for (Actor actor : new Actor[] {ACTOR, Actor.user("bao")}) {
        for (String sort : new String[] {null, "-publishedAt", "createdAt"}) {
          ListQuery query = query(null, null, null, null, null, null, null, null, sort);
          List<vn.storybank.core.story.StoryView> whole =
              storybank.stories().list(T, query, actor).items();
          List<EntrySummary> summaries = storybank.stories().summaries(T, query, actor).items();
          assertEquals(
              whole.stream().map(v -> v.header().id()).toList(),
              summaries.stream().map(v -> v.header().id()).toList(),
              sort + " as " + actor);
          for (int i = 0; i < whole.size(); i++) {
            assertSummarises(whole.get(i), summaries.get(i));
          }
        }
      }
      assertTrue(
          storybank.stories().summaries(T, ListQuery.firstPage(200), ACTOR).items().stream()
              .anyMatch(s -> photo.equals(s.thumbnail())),
          "the hero is the thumbnail");
      assertTrue(
          storybank.media().summaries(T, ListQuery.firstPage(200), ACTOR).items().stream()
              .anyMatch(m -> photo.equals(m.header().id()) && photo.equals(m.thumbnail())),
          "a media asset is its own thumbnail");

      org.hibernate.stat.Statistics statistics =
          storybank
              .database()
              .entityManagerFactory()
              .unwrap(org.hibernate.SessionFactory.class)
              .getStatistics();
      statistics.setStatisticsEnabled(true);
      try {
        long[] statements = new long[2];
        int[] limits = {2, 200};
        for (int i = 0; i < 2; i++) {
          statistics.clear();
          ListQuery page =
              new ListQuery(
                  null,
                  "sapa-destination",
                  null,
                  null,
                  null,
                  null,
                  null,
                  "vi",
                  null,
                  null,
                  null,
                  null,
                  "-publishedAt",
                  limits[i],
                  null);
          assertTrue(!storybank.stories().summaries(T, page, ACTOR).items().isEmpty());
          statements[i] = statistics.getPrepareStatementCount();
        }
        assertEquals(statements[0], statements[1], "a page's statements do not grow with it");
        assertTrue(statements[1] <= 10, statements[1] + " statements for a page");
      } finally {
        statistics.setStatisticsEnabled(false);
      }
    }
  }

  private static void assertSummarises(
      vn.storybank.core.story.StoryView whole, EntrySummary summary) {
    assertEquals(whole.header(), summary.header());
    assertEquals(whole.kind(), summary.classifierField().get("kind"));
    assertEquals(whole.places(), summary.places());
    assertEquals(whole.pillars(), summary.pillars());
    assertEquals(whole.heroMedia(), summary.thumbnail());
    assertEquals(whole.translations().keySet(), summary.translations().keySet());
    whole
        .translations()
        .forEach(
            (locale, t) -> {
              EntrySummary.TranslationSummary s = summary.translations().get(locale);
              assertEquals(
                  List.of(
                      String.valueOf(t.title()),
                      String.valueOf(t.slug()),
                      String.valueOf(t.status()),
                      String.valueOf(t.publishedAt()),
                      String.valueOf(t.updatedAt()),
                      String.valueOf(t.liveRevision()),
                      String.valueOf(t.stale())),
                  List.of(
                      String.valueOf(s.title()),
                      String.valueOf(s.slug()),
                      String.valueOf(s.status()),
                      String.valueOf(s.publishedAt()),
                      String.valueOf(s.updatedAt()),
                      String.valueOf(s.liveRevision()),
                      String.valueOf(s.stale())),
                  summary.header().id() + " " + locale);
              if (t.publishedAt() != null) {
                assertTrue(!summary.publishedAt().isAfter(t.publishedAt()), "first publication");
              }
            });
  }

  /**
   * Story {@code i}: its kind, terms and translations vary with {@code i} so that every filter
   * matches some entries and not others.
   */
  private static void seed(Storybank storybank, int i) {
    String viTitle = (i % 3 == 1 ? "Chợ phiên số " : "Bản làng số ") + i;
    StoryInput input =
        new StoryInput(
            i % 2 == 0 ? "destination" : "festival-event",
            i % 3 != 0 ? List.of("sapa-destination") : List.of(),
            List.of(),
            i % 4 != 1 ? List.of("sa-pa") : List.of(),
            List.of(),
            List.of(),
            null,
            null,
            null,
            List.of(),
            List.of(),
            null,
            null,
            Map.of("vi", TestContent.text(viTitle)));
    UUID id = storybank.stories().create(T, input, ACTOR).header().id();
    if (i % 3 != 2) {
      storybank.stories().putTranslation(T, id, "en", TestContent.text("Market " + i), null, ACTOR);
      if (i % 4 == 0) {
        storybank.stories().review().act(T, id, "en", WorkflowAction.PUBLISH, null, ACTOR);
      }
    }
    if (i % 2 == 0) {
      storybank.stories().review().act(T, id, "vi", WorkflowAction.PUBLISH, null, ACTOR);
      if (i % 6 == 0) {
        // The working text moves on; the live revision keeps the published title.
        storybank
            .stories()
            .putTranslation(T, id, "vi", TestContent.text("Đổi tên " + i), null, ACTOR);
      }
    }
  }

  private static ListQuery query(
      String kind,
      String pillar,
      String place,
      String locale,
      TranslationStatus status,
      String missing,
      Instant updatedSince,
      String q,
      String sort) {
    return new ListQuery(
        kind,
        pillar,
        null,
        place,
        null,
        null,
        status,
        locale,
        missing,
        updatedSince,
        q,
        null,
        sort,
        ListQuery.MAX_LIMIT,
        null);
  }

  private static List<UUID> pages(Storybank storybank, ListQuery query, Instant liveAt, int limit) {
    Transactions transactions = storybank.database().transactions();
    EntryListing<Story> listing = listing();
    List<UUID> seen = new ArrayList<>();
    String cursor = null;
    do {
      ListQuery page =
          new ListQuery(
              query.kind(),
              query.pillar(),
              query.topic(),
              query.place(),
              query.ethnicGroup(),
              query.market(),
              query.status(),
              query.locale(),
              query.missing(),
              query.updatedSince(),
              query.q(),
              query.stars(),
              query.sort(),
              limit,
              cursor);
      List<Story> found =
          transactions.read(
              em ->
                  listing.find(
                      em, em.find(Tenant.class, T), () -> TermIndex.load(em, T), page, liveAt));
      cursor = listing.nextCursor(found, page);
      found.stream().limit(limit).forEach(s -> seen.add(s.id()));
    } while (cursor != null);
    return seen;
  }

  private static EntryListing<Story> listing() {
    return new EntryListing<>(
        Story.class,
        EntryType.STORY,
        "kind",
        (cb, entry, query) -> {
          throw new AssertionError("stories have no stars");
        });
  }

  /** A locale of a stored story: its working text and, when live, its live title. */
  private record Text(TranslationStatus status, String title, boolean live, String liveTitle) {}

  private record Fact(
      UUID id,
      String kind,
      List<String> termCodes,
      Instant createdAt,
      Instant updatedAt,
      Instant publishedAt,
      Map<String, Text> texts) {}

  private static List<Fact> facts(Transactions transactions) {
    return transactions.read(
        em ->
            em
                .createQuery("select s from Story s where s.tenant = :t", Story.class)
                .setParameter("t", T)
                .getResultList()
                .stream()
                .map(
                    s -> {
                      Map<String, Text> texts = new HashMap<>();
                      s.translations()
                          .forEach(
                              (locale, t) -> {
                                String liveTitle =
                                    t.liveRevision() == null
                                        ? null
                                        : em.find(
                                                TranslationRevision.class,
                                                new RevisionId(s.id(), locale, t.liveRevision()))
                                            .title();
                                boolean live = t.liveRevision() != null && t.embargoUntil() == null;
                                texts.put(locale, new Text(t.status(), t.title(), live, liveTitle));
                              });
                      return new Fact(
                          s.id(),
                          s.kind(),
                          s.terms().stream().map(Term::code).toList(),
                          s.audit().createdAt(),
                          s.audit().updatedAt(),
                          s.publishedAt(),
                          texts);
                    })
                .toList());
  }

  /** The rules of {@link ListQuery}, written out plainly over the stored facts. */
  private static List<UUID> expected(List<Fact> facts, ListQuery q, Instant liveAt) {
    boolean reader = liveAt != null;
    Predicate<Text> visible = t -> !reader || t.live();
    String sort = q.sort() == null ? "-updatedAt" : q.sort();
    boolean byCreation = sort.endsWith("createdAt");
    boolean byPublication = sort.endsWith("publishedAt");
    Comparator<Fact> order =
        Comparator.comparing(
                (Fact f) ->
                    byPublication ? f.publishedAt() : byCreation ? f.createdAt() : f.updatedAt(),
                Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            // The databases order UUIDs by their unsigned bytes, as their hex text sorts.
            .thenComparing(f -> f.id().toString());
    if (sort.startsWith("-")) {
      order = order.reversed();
    }
    if (byPublication) {
      // Never published: after the published ones in both directions, in the direction's id order.
      Comparator<Fact> direction = order;
      order = Comparator.comparing((Fact f) -> f.publishedAt() == null).thenComparing(direction);
    }
    return facts.stream()
        .filter(f -> q.kind() == null || q.kind().equals(f.kind()))
        .filter(f -> q.pillar() == null || f.termCodes().contains(q.pillar()))
        .filter(
            f ->
                q.place() == null
                    || f.termCodes().contains(q.place())
                    || ("lao-cai".equals(q.place()) && f.termCodes().contains("sa-pa")))
        .filter(
            f ->
                (q.locale() == null && q.status() == null)
                    || f.texts().entrySet().stream()
                        .anyMatch(
                            e ->
                                visible.test(e.getValue())
                                    && (q.locale() == null || q.locale().equals(e.getKey()))
                                    && (q.status() == null
                                        || (reader
                                            ? q.status() == TranslationStatus.PUBLISHED
                                            : q.status() == e.getValue().status()))))
        .filter(
            f ->
                q.missing() == null
                    || f.texts().get(q.missing()) == null
                    || !visible.test(f.texts().get(q.missing())))
        .filter(f -> q.updatedSince() == null || !f.updatedAt().isBefore(q.updatedSince()))
        .filter(
            f ->
                q.q() == null
                    || f.texts().values().stream()
                        .anyMatch(
                            t -> {
                              String title = reader ? t.liveTitle() : t.title();
                              return visible.test(t)
                                  && title != null
                                  && title
                                      .toLowerCase(Locale.ROOT)
                                      .contains(q.q().toLowerCase(Locale.ROOT));
                            }))
        .sorted(order)
        .map(Fact::id)
        .toList();
  }
}
