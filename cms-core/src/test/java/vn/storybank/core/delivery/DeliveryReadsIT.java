package vn.storybank.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.storybank.core.Storybank;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.entry.Translation;
import vn.storybank.core.entry.TranslationRevision;
import vn.storybank.core.entry.WorkflowAction;
import vn.storybank.core.persistence.Page;
import vn.storybank.core.testing.TestClock;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;

/**
 * What one list page reads: a fixed number of statements whatever its length, the live text of the
 * items it shows and nothing else — no entry's working texts, no other locale's text. (It read
 * every translation of twice the entries it showed, bodies included, and the same again as
 * revisions.)
 */
class DeliveryReadsIT {
  /**
   * Two locales' rows, live states, entries, links, terms, texts, linked entries; the tenant and
   * its public channels when the change log moved, and the log's head (read every 250 ms).
   */
  private static final int STATEMENTS_PER_PAGE = 11;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aPageReadsOnlyWhatItShowsInAFixedNumberOfStatements(String database, @TempDir Path dir) {
    TestClock clock = new TestClock(Instant.parse("2026-12-01T00:00:00Z"));
    try (Storybank storybank = Storybank.start(TestDatabases.of(database, dir), clock)) {
      String tenant = TestContent.TENANT;
      TestContent.laoCai(storybank);
      UUID previous = null;
      for (int i = 0; i < 45; i++) {
        clock.advance(java.time.Duration.ofSeconds(1));
        var input =
            previous != null && i % 2 == 0
                ? TestContent.storyLinkingTo(previous, "Tin " + i)
                : TestContent.story("destination", "Tin " + i);
        UUID id = storybank.stories().create(tenant, input, TestContent.ACTOR).header().id();
        storybank
            .stories()
            .review()
            .act(tenant, id, "vi", WorkflowAction.PUBLISH, null, TestContent.ACTOR);
        if (i % 3 > 0) {
          storybank
              .stories()
              .putTranslation(
                  tenant, id, "en", TestContent.text("News " + i), null, TestContent.ACTOR);
          storybank
              .stories()
              .review()
              .act(tenant, id, "en", WorkflowAction.PUBLISH, null, TestContent.ACTOR);
        }
        previous = id;
      }
      Statistics statistics =
          storybank.database().entityManagerFactory().unwrap(SessionFactory.class).getStatistics();
      statistics.setStatisticsEnabled(true);
      DeliveryService.Ask ask = new DeliveryService.Ask(tenant, null, "en", null);
      for (int limit : new int[] {5, 20}) {
        String cursor = null;
        for (int page = 0; page < 2; page++) {
          statistics.clear();
          Page<DeliveredItem> items =
              storybank.delivery().list(ask, EntryType.STORY, null, cursor, limit);
          assertEquals(limit, items.items().size());
          assertTrue(
              statistics.getPrepareStatementCount() <= STATEMENTS_PER_PAGE,
              statistics.getPrepareStatementCount() + " statements for a page of " + limit);
          assertEquals(
              0,
              statistics.getEntityStatistics(Translation.class.getName()).getLoadCount(),
              "no working text is read");
          assertEquals(
              limit,
              statistics.getEntityStatistics(TranslationRevision.class.getName()).getLoadCount(),
              "one live text per item shown");
          cursor = items.next();
        }
      }
    }
  }
}
