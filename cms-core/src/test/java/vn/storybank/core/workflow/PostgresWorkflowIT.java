package vn.storybank.core.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.Actor;
import vn.storybank.core.changelog.ChangeView;
import vn.storybank.core.changelog.Operation;
import vn.storybank.core.entry.ScheduleInput;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.entry.WorkflowAction;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;

/** The workflow on PostgreSQL, plus what only a server database shows: real concurrency. */
class PostgresWorkflowIT extends WorkflowContract {
  @Override
  DatabaseSettings database(Path dir) {
    return TestDatabases.postgres();
  }

  @Test
  void twoApproversAtTheSameMomentAreBothCountedOrOneIsRefused() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        UUID id = story("religion", "Chùa Tiên " + round);
        act(id, "vi", WorkflowAction.SUBMIT, AUTHOR);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Boolean>> approvals = new ArrayList<>();
        for (String approver : List.of(BOB, CAROL)) {
          approvals.add(
              pool.submit(
                  () -> {
                    together.await(10, TimeUnit.SECONDS);
                    try {
                      stories()
                          .review()
                          .act(T, id, "vi", WorkflowAction.APPROVE, null, Actor.user(approver));
                      return true;
                    } catch (StorybankException e) {
                      return false;
                    }
                  }));
        }
        int succeeded = 0;
        for (Future<Boolean> f : approvals) {
          succeeded += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        List<String> approvers = stories().review().approvers(T, id, "vi", TestContent.ACTOR);
        assertEquals(succeeded, approvers.size(), "every approval that succeeded is kept");
        TranslationStatus status =
            stories().get(T, id, Actor.superAdmin()).translations().get("vi").status();
        assertEquals(
            approvers.size() == 2 ? TranslationStatus.APPROVED : TranslationStatus.IN_REVIEW,
            status,
            "round " + round + ": " + approvers);
        if (approvers.size() < 2) {
          assertConflict("sensitive", () -> act(id, "vi", WorkflowAction.PUBLISH, BOB));
        } else {
          act(id, "vi", WorkflowAction.PUBLISH, BOB);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoSchedulersOnOneDatabaseFireEachDueTimeOnce() throws Exception {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      UUID id = story(null, "Hẹn giờ " + i);
      stories()
          .review()
          .schedule(
              T,
              id,
              "vi",
              new ScheduleInput(clock.instant().plus(Duration.ofMinutes(i)), null, null),
              Actor.user(AUTHOR));
      ids.add(id);
    }
    clock.advance(Duration.ofHours(1));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Storybank otherNode = Storybank.start(settings, clock)) {
      CyclicBarrier together = new CyclicBarrier(2);
      List<Callable<Integer>> nodes = new ArrayList<>();
      for (Storybank node : List.of(storybank, otherNode)) {
        nodes.add(
            () -> {
              together.await(10, TimeUnit.SECONDS);
              return node.scheduler().runDue();
            });
      }
      int fired = 0;
      for (Future<Integer> f : pool.invokeAll(nodes)) {
        fired += f.get();
      }
      assertEquals(ids.size(), fired, "each due time fired by exactly one of the two nodes");
      assertEquals(0, otherNode.scheduler().runDue() + storybank.scheduler().runDue());
    } finally {
      pool.shutdownNow();
    }
    List<ChangeView> changes = storybank.changes().after(T, 0, 10_000, TestContent.ACTOR);
    for (UUID id : ids) {
      long publishes =
          changes.stream()
              .filter(c -> c.entityId().equals(id) && c.operation() == Operation.PUBLISH)
              .count();
      assertEquals(1, publishes, "one publish of " + id);
      assertTrue(snapshot(id, "vi").live() != null);
    }
  }
}
