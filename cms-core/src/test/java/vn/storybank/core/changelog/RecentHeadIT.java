package vn.storybank.core.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.storybank.core.Storybank;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;

/**
 * Two nodes on one PostgreSQL: the head a node's delivery cache uses moves at once for its own
 * commits (a writer reads its writes) and within the poll interval for the other node's.
 */
class RecentHeadIT {
  @Test
  void ownCommitsCountAtOnceAndTheOtherNodesWithinThePollInterval() throws Exception {
    DatabaseSettings database = TestDatabases.postgres();
    try (Storybank a = Storybank.start(database, Clock.systemUTC());
        Storybank b = Storybank.start(database, Clock.systemUTC())) {
      TestContent.laoCai(a);
      b.changes().recentHead(); // b has polled: the next poll is due only after the interval

      long head = 0;
      for (String title : List.of("Sa Pa", "Y Tý", "Mường Hum")) {
        // Polled just now, so only the commit hook can move a's head before the next poll.
        a.changes().recentHead();
        a.stories()
            .create(TestContent.TENANT, TestContent.story("destination", title), TestContent.ACTOR);
        head = a.changes().head();
        assertEquals(head, a.changes().recentHead(), "the writer's node knows its commit at once");
      }
      assertTrue(b.changes().recentHead() <= head, "never ahead of the database");

      long seen = head;
      waitUntil(
          "the other node saw the commit within the poll",
          ChangeService.POLL.multipliedBy(5),
          () -> b.changes().recentHead() == seen);
      b.stories()
          .create(
              TestContent.TENANT, TestContent.story("destination", "Bắc Hà"), TestContent.ACTOR);
      assertEquals(b.changes().head(), b.changes().recentHead());
      assertTrue(b.changes().recentHead() > head);
    }
  }
}
