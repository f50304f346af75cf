package vn.storybank.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.search.SearchFixture.T;
import static vn.storybank.search.SearchFixture.vi;
import static vn.storybank.search.SearchFixture.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.testing.TestDatabases;

/**
 * The index in step with the database: following edits, reopening at the committed position,
 * rebuilding an empty index, merging the follower's small segments, and a rebuild that swaps in
 * while searches keep answering. Over a real core on H2 and a real Lucene index on disk.
 */
class IndexFollowingIT {
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
    waitUntil(() -> f.index.ready());
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
    waitUntil(() -> f.index.status().segments() == 1);
    assertEquals(4, f.editor("cho").total(), "nothing lost in the merge");
  }

  @Test
  void aRebuildSwapsInWhileSearchesKeepAnswering() throws Exception {
    for (int i = 0; i < 200; i++) {
      f.story("destination", List.of(), List.of(), vi("Chợ số " + i, null, null));
    }
    f.index.start();
    waitUntil(() -> f.index.ready() && f.editor("cho").total() == 200);
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
    waitUntil(() -> !f.index.status().rebuilding() && f.editor("cho").total() == 201);
    done.set(true);
    searcher.join();
    assertEquals(0, wrong.get(), "searches during the rebuild saw every entry");
    assertEquals(201 * 1, f.index.status().documents());
  }
}
