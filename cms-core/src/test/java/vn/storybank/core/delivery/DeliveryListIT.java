package vn.storybank.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.storybank.core.Storybank;
import vn.storybank.core.entry.WorkflowAction;
import vn.storybank.core.persistence.Page;
import vn.storybank.core.testing.TestClock;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;

/**
 * Lists page through every live entry exactly once, newest publication first, along the locale's
 * fallbacks, even when many translations were published at the same instant (ties are broken by id
 * the way the database orders ids), on H2 and PostgreSQL.
 */
class DeliveryListIT {
  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void everyLiveEntryAppearsOnceInOrderAcrossPages(String database, @TempDir Path dir) {
    // The clock stands still unless moved, so that publications tie.
    TestClock clock = new TestClock(Instant.parse("2026-12-01T00:00:00Z"));
    try (Storybank storybank = Storybank.start(TestDatabases.of(database, dir), clock)) {
      String tenant = TestContent.TENANT;
      TestContent.laoCai(storybank);
      Random random = new Random(7);
      Set<UUID> expected = new HashSet<>();
      for (int i = 0; i < 80; i++) {
        if (i % 20 == 0) {
          clock.advance(Duration.ofSeconds(1));
        }
        UUID id =
            storybank
                .stories()
                .create(tenant, TestContent.story("destination", "Tin " + i), TestContent.ACTOR)
                .header()
                .id();
        boolean vi = random.nextInt(3) > 0;
        boolean en = random.nextBoolean();
        if (en) {
          storybank
              .stories()
              .putTranslation(
                  tenant, id, "en", TestContent.text("News " + i), null, TestContent.ACTOR);
          storybank
              .stories()
              .review()
              .act(tenant, id, "en", WorkflowAction.PUBLISH, null, TestContent.ACTOR);
        }
        if (vi) {
          storybank
              .stories()
              .review()
              .act(tenant, id, "vi", WorkflowAction.PUBLISH, null, TestContent.ACTOR);
        }
        if (vi || en) {
          expected.add(id);
        }
      }
      DeliveryService.Ask ask = new DeliveryService.Ask(tenant, null, "en", null);
      List<UUID> seen = new ArrayList<>();
      Instant previous = Instant.MAX;
      String cursor = null;
      do {
        Page<DeliveredItem> page = storybank.delivery().list(ask, null, null, cursor, 7);
        for (DeliveredItem item : page.items()) {
          seen.add(item.id());
          assertTrue(!item.text().publishedAt().isAfter(previous), "newest first");
          previous = item.text().publishedAt();
          assertEquals(item.availableLocales().containsKey("en") ? "en" : "vi", item.locale());
        }
        cursor = page.next();
      } while (cursor != null);
      Set<UUID> mine = new HashSet<>(seen);
      mine.retainAll(expected);
      assertEquals(expected, mine, "every live entry of this run is listed");
      assertEquals(seen.size(), new HashSet<>(seen).size(), "no entry twice");
    }
  }
}
