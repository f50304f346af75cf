package vn.storybank.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.Actor;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;

/**
 * Two nodes on one PostgreSQL database dispatch the change log while stories are published: every
 * publication becomes exactly one message, and two senders deliver each exactly once.
 */
class PostgresWebhooksIT {
  private static final String T = TestContent.TENANT;
  private static final Actor A = TestContent.ACTOR;

  @Test
  void twoNodesEnqueueAndSendEachEventOnce() throws Exception {
    DatabaseSettings database = TestDatabases.postgres();
    try (Storybank one = Storybank.start(database, Clock.systemUTC());
        Storybank two = Storybank.start(database, Clock.systemUTC());
        Receiver receiver = new Receiver()) {
      TestContent.laoCai(one);
      one.channels().put(T, "vi-only", WebhooksIT.viOnly(), null, A);
      WebhookSettings settings =
          new WebhookSettings(
              Duration.ofMillis(10), Duration.ofSeconds(5), true, "https://cms.example.org");
      Webhooks nodeOne =
          new Webhooks(one.database().transactions(), one.sync(), Clock.systemUTC(), settings);
      Webhooks nodeTwo =
          new Webhooks(two.database().transactions(), two.sync(), Clock.systemUTC(), settings);
      String subscription =
          nodeOne
              .service()
              .create(T, new SubscriptionInput("vi-only", receiver.url(), null), A)
              .subscription()
              .id()
              .toString();

      int stories = 40;
      AtomicBoolean writing = new AtomicBoolean(true);
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      List<Thread> threads = new ArrayList<>();
      threads.add(
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < stories; i++) {
                    (i % 2 == 0 ? one : two)
                        .stories()
                        .create(T, WebhooksIT.publishedInput("Câu chuyện " + i), A);
                  }
                } catch (Throwable t) {
                  failures.add(t);
                } finally {
                  writing.set(false);
                }
              }));
      for (Webhooks node : List.of(nodeOne, nodeTwo)) {
        threads.add(
            new Thread(
                () -> {
                  try {
                    while (writing.get() || node.dispatcher().dispatchOnce(3) > 0) {
                      node.dispatcher().dispatchOnce(3);
                      node.sender().sendDue(5);
                    }
                    while (node.sender().sendDue(5) > 0) {
                      // until nothing is due
                    }
                  } catch (Throwable t) {
                    failures.add(t);
                  }
                }));
      }
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        thread.join();
      }
      assertEquals(List.of(), List.copyOf(failures));
      while (nodeOne.dispatcher().dispatchOnce(100) > 0 || nodeOne.sender().sendDue(50) > 0) {
        // whatever the last rounds left
      }

      List<MessageView> messages =
          nodeTwo.service().messages(T, subscription, null, 500, TestContent.ACTOR);
      assertEquals(stories, messages.size());
      Set<UUID> entries = new HashSet<>();
      messages.forEach(m -> entries.add(m.entry()));
      assertEquals(stories, entries.size(), "one message per published story");
      assertEquals(
          Set.of("story.published delivered 1"),
          new HashSet<>(
              messages.stream()
                  .map(m -> m.type() + " " + m.status() + " " + m.attempts())
                  .toList()));
      List<Receiver.Request> received = receiver.received();
      assertEquals(stories, received.size(), "each message sent once");
      assertEquals(
          stories, new HashSet<>(received.stream().map(Receiver.Request::id).toList()).size());
    }
  }
}
