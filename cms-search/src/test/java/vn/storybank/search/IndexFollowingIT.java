package vn.storybank.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;
import static vn.storybank.search.SearchFixture.T;
import static vn.storybank.search.SearchFixture.vi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.channel.ChannelInput;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.entry.WorkflowAction;
import vn.storybank.core.json.Json;
import vn.storybank.core.media.TestMedia;
import vn.storybank.core.story.StoryInput;
import vn.storybank.core.testing.TestDatabases;
import vn.storybank.search.SearchRequest.Audience;

/**
 * The index in step with the database: following edits, reopening at the committed position,
 * rebuilding an empty index, merging the follower's small segments, and a rebuild that swaps in
 * while searches keep answering. Over a real core on H2 and a real Lucene index on disk.
 */
class IndexFollowingIT {
  private static final Duration FOLLOWING = Duration.ofMinutes(1);
  @TempDir Path dir;
  SearchFixture f;

  @BeforeEach
  void start() {
    f = new SearchFixture(TestDatabases.h2(dir.resolve("db")), dir.resolve("index"));
    f.tenant();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void publicHasMediaCountsOnlyMediaThePublicSeesAndFollowsTheMedia() {
    f.core
        .channels()
        .put(
            T,
            "partner",
            new ChannelInput(
                "Đối tác",
                "key",
                List.of(new ChannelInput.LocaleInput("vi", List.of(), false)),
                null,
                Map.of(),
                List.of("jsonfeed")),
            null,
            SearchFixture.ACTOR);
    UUID live = photo(301, "{}", true);
    UUID draft = photo(302, "{}", false);
    UUID expired =
        photo(
            303, "{\"rightsExpireAt\":\"" + Instant.now().minus(Duration.ofDays(1)) + "\"}", true);
    UUID partnerOnly = photo(304, "{\"channelsAllowed\":[\"partner\"]}", true);
    UUID noConsent = photo(305, "{\"peopleIdentifiable\":true}", true);
    for (var hero :
        Map.of(
                "Có ảnh", live,
                "Ảnh nháp", draft,
                "Ảnh hết hạn", expired,
                "Ảnh đối tác", partnerOnly,
                "Ảnh chưa đồng ý", noConsent)
            .entrySet()) {
      f.core.stories().create(T, story(hero.getKey(), hero.getValue()), SearchFixture.ACTOR);
    }
    f.story("destination", List.of(), List.of(), vi("Không ảnh", null, null));
    f.index.catchUp();

    assertEquals(Set.of("Có ảnh", "Ảnh nhật"), withMedia(Audience.PUBLIC, true));
    assertEquals(
        Set.of("Ảnh nháp", "Ảnh hết hạn", "Ảnh đối tác", "Ảnh chưa đồng ý", "Không ảnh"),
        withMedia(Audience.PUBLIC, false));
    assertEquals(
        Set.of("Có ảnh", "Ảnh nháp", "Ảnh hết hạn", "Ảnh đối tác", "Ảnh chưa đồng ý", "Ảnh nhật"),
        withMedia(Audience.EDITOR, true),
        "editors count every link");

    // Taken down: the stories showing it follow, with no write to them.
    f.core.media().review().act(T, live, "vi", WorkflowAction.UNPUBLISH, null, SearchFixture.ACTOR);
    f.index.catchUp();
    assertEquals(Set.of(), withMedia(Audience.PUBLIC, true));
    f.core.media().review().act(T, live, "vi", WorkflowAction.PUBLISH, null, SearchFixture.ACTOR);
    f.core.media().review().act(T, draft, "vi", WorkflowAction.PUBLISH, null, SearchFixture.ACTOR);
    f.index.catchUp();
    assertEquals(Set.of("Có ảnh", "Ảnh nháp", "Ảnh nhật"), withMedia(Audience.PUBLIC, true));
  }

  /** An uploaded JPEG with a title, published or not; {@code record} holds its other fields. */
  private UUID photo(int width, String record, boolean published) {
    ObjectNode metadata;
    try {
      metadata = (ObjectNode) Json.mapper().readTree(record);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    metadata.putObject("translations").putObject("vi").put("title", "Ảnh nhật " + width);
    UUID id =
        f.core
            .mediaFiles()
            .upload(
                T,
                new ByteArrayInputStream(TestMedia.jpeg(width, 200)),
                null,
                width + ".jpg",
                metadata,
                SearchFixture.ACTOR)
            .header()
            .id();
    if (published) {
      f.core.media().review().act(T, id, "vi", WorkflowAction.PUBLISH, null, SearchFixture.ACTOR);
    }
    return id;
  }

  private static StoryInput story(String title, UUID hero) {
    return new StoryInput(
        "destination",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        hero,
        List.of(),
        List.of(),
        null,
        null,
        Map.of(
            "vi",
            SearchFixture.text(new String[] {title, null, null}, TranslationStatus.PUBLISHED)));
  }

  /** The titles of the entries with (or without) media; every photo's as "Ảnh nhật". */
  private Set<String> withMedia(Audience audience, boolean hasMedia) {
    Set<String> titles = new HashSet<>();
    for (String title :
        SearchFixture.titles(
            f.search.search(
                new SearchRequest(
                    T, audience, null, null, Map.of(), null, null, null, null, hasMedia, false,
                    false, null, 0, 50)))) {
      titles.add(title.startsWith("Ảnh nhật") ? "Ảnh nhật" : title);
    }
    return titles;
  }

  @Test
  void followsEditsDeletionsAndTaxonomyChanges() {
    UUID id = f.story("destination", List.of("sa-pa"), List.of(), vi("Chợ phiên", null, null));
    f.index.catchUp();
    assertEquals(1, f.editor("cho").total());

    f.core
        .stories()
        .putTranslation(
            T,
            id,
            "en",
            SearchFixture.text(
                new String[] {"Market day", null, null}, TranslationStatus.PUBLISHED),
            null,
            SearchFixture.ACTOR);
    f.index.catchUp();
    assertEquals(1, f.editor("market").total());

    f.core
        .taxonomies()
        .patch(
            T,
            vn.storybank.core.taxonomy.TermKind.PLACE,
            "sa-pa",
            vn.storybank.core.json.Json.mapper()
                .createObjectNode()
                .set(
                    "labels",
                    vn.storybank.core.json.Json.mapper()
                        .createObjectNode()
                        .put("vi", "Thị xã Sa Pa xưa")),
            null,
            SearchFixture.ACTOR);
    f.index.catchUp();
    assertEquals(1, f.editor("thi xa").total(), "term labels are searchable and follow renames");

    f.core.stories().delete(T, id, null, SearchFixture.ACTOR);
    f.index.catchUp();
    assertEquals(0, f.editor("cho").total());
  }

  @Test
  void theIndexReopensAtItsPositionAndAnEmptyIndexRebuilds() throws Exception {
    f.story("destination", List.of(), List.of(), vi("Chợ phiên", null, null));
    f.index.catchUp();
    long position = f.index.position();
    f.index.close();

    f.openIndex();
    assertEquals(position, f.index.position(), "the position comes back from the Lucene commit");
    assertEquals(1, f.editor("cho").total());
    f.index.close();

    IndexGeneration.deleteTree(f.indexDir);
    f.openIndex();
    f.index.start();
    waitUntil("the rebuilt index caught up", FOLLOWING, () -> f.index.ready());
    assertEquals(1, f.editor("cho").total());
  }

  @Test
  void theFollowerMergesTheSmallSegmentsOfSingleEditsWhenIdle() throws Exception {
    for (int i = 0; i < 4; i++) {
      f.story("destination", List.of(), List.of(), vi("Chợ số " + i, null, null));
      f.index.catchUp(); // each its own segment, as single edits a few seconds apart are
    }
    assertEquals(4, f.index.status().segments());

    f.index.start();
    waitUntil(
        "the idle follower merged the segments", FOLLOWING, () -> f.index.status().segments() == 1);
    assertEquals(4, f.editor("cho").total(), "nothing lost in the merge");
  }

  @Test
  void aRebuildSwapsInWhileSearchesKeepAnswering() throws Exception {
    for (int i = 0; i < 200; i++) {
      f.story("destination", List.of(), List.of(), vi("Chợ số " + i, null, null));
    }
    f.index.start();
    waitUntil(
        "the 200 stories are searchable",
        FOLLOWING,
        () -> f.index.ready() && f.editor("cho").total() == 200);
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger wrong = new AtomicInteger();
    Thread searcher =
        new Thread(
            () -> {
              while (!done.get()) {
                if (f.editor("cho").total() < 200) {
                  wrong.incrementAndGet();
                }
              }
            });
    searcher.start();
    assertTrue(f.index.requestRebuild());
    f.story("destination", List.of(), List.of(), vi("Chợ mới trong lúc dựng lại", null, null));
    waitUntil(
        "the rebuild finished with the story written meanwhile",
        FOLLOWING,
        () -> !f.index.status().rebuilding() && f.editor("cho").total() == 201);
    done.set(true);
    searcher.join();
    assertEquals(0, wrong.get(), "searches during the rebuild saw every entry");
    assertEquals(201 * 1, f.index.status().documents());
  }
}
