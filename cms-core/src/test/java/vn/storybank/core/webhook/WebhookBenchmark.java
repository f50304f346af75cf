package vn.storybank.core.webhook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.Actor;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;

/**
 * Webhook throughput and latency on one node: N published stories dispatched to S subscriptions
 * (one batch transaction per 500 changes), the messages sent to a loopback receiver, and the time
 * from a publication's commit to its arrival with the background threads running.
 *
 * <p>Usage: {@code WebhookBenchmark <stories> <subscriptions> <h2|postgres>}
 */
public final class WebhookBenchmark {
  private WebhookBenchmark() {}

  public static void main(String[] args) throws Exception {
    int stories = Integer.parseInt(args[0]);
    int subscriptions = Integer.parseInt(args[1]);
    Path dir = Files.createTempDirectory("storybank-webhook-bench-");
    try (Storybank storybank = Storybank.start(TestDatabases.of(args[2], dir), Clock.systemUTC());
        Receiver receiver = new Receiver()) {
      TestContent.laoCai(storybank);
      storybank
          .channels()
          .put(TestContent.TENANT, "vi-only", WebhooksIT.viOnly(), null, Actor.user("b"));
      WebhookSettings settings =
          new WebhookSettings(
              Duration.ofMillis(500), Duration.ofSeconds(15), true, "https://cms.example.org");
      Webhooks webhooks =
          new Webhooks(
              storybank.database().transactions(), storybank.sync(), Clock.systemUTC(), settings);
      for (int s = 0; s < subscriptions; s++) {
        webhooks
            .service()
            .create(
                TestContent.TENANT,
                new SubscriptionInput("vi-only", receiver.url(), null),
                Actor.user("b"));
      }
      for (int i = 0; i < stories; i++) {
        storybank
            .stories()
            .create(
                TestContent.TENANT, WebhooksIT.publishedInput("Câu chuyện " + i), Actor.user("b"));
      }
      long start = System.nanoTime();
      int changes = 0;
      for (int n; (n = webhooks.dispatcher().dispatchOnce(500)) > 0; ) {
        changes += n;
      }
      double dispatchSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      int sent = 0;
      for (int n; (n = webhooks.sender().sendDue(50)) > 0; ) {
        sent += n;
      }
      double sendSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%s: dispatch %d changes -> %d messages in %.2f s (%.0f messages/s); send %d in %.2f s"
              + " (%.0f/s); received %d%n",
          args[2],
          changes,
          sent,
          dispatchSeconds,
          sent / dispatchSeconds,
          sent,
          sendSeconds,
          sent / sendSeconds,
          receiver.received().size());

      webhooks.start();
      List<Double> latencies = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        int before = receiver.received().size();
        long t0 = System.nanoTime();
        storybank
            .stories()
            .create(TestContent.TENANT, WebhooksIT.publishedInput("Độ trễ " + i), Actor.user("b"));
        while (receiver.received().size() < before + subscriptions) {
          Thread.sleep(2);
        }
        latencies.add((System.nanoTime() - t0) / 1e6);
      }
      webhooks.close();
      Collections.sort(latencies);
      System.out.printf(
          Locale.ROOT,
          "%s: commit-to-arrival with poll 500 ms, %d subscriptions: median %.0f ms, max %.0f ms%n",
          args[2],
          subscriptions,
          latencies.get(latencies.size() / 2),
          latencies.get(latencies.size() - 1));
    }
    System.exit(0);
  }
}
