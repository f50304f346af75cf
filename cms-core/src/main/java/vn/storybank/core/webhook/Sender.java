package vn.storybank.core.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import vn.storybank.core.account.Actor;
import vn.storybank.core.account.AuditLog;
import vn.storybank.core.persistence.Transactions;

/**
 * Sends due messages. A message is claimed by setting its lease ({@code locked_until}) in a short
 * transaction that only succeeds when nobody holds it, so two nodes never send the same attempt at
 * once; the POST happens outside any transaction, and its result is recorded in another short one.
 * A node that dies mid-attempt leaves a lease that simply runs out, and the message is sent again
 * (at-least-once, with the same {@code webhook-id}).
 */
public final class Sender {
  private final Transactions transactions;
  private final Targets targets;
  private final Clock clock;
  private final Duration timeout;
  private final HttpClient client;
  private final LongAdder failedAttempts = new LongAdder();

  Sender(Transactions transactions, Targets targets, Clock clock, Duration timeout) {
    this.transactions = transactions;
    this.targets = targets;
    this.clock = clock;
    this.timeout = timeout;
    // Redirects are failures: following one would let a receiver point us anywhere.
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  private record Claimed(String id, UUID subscription, String url, String secret, String body) {}

  private record Outcome(Integer status, String error, Duration retryAfter) {
    boolean delivered() {
      return status != null && status >= 200 && status < 300;
    }
  }

  /** Attempts this node made that the receiver did not accept (2xx), since it started. */
  public long failedAttempts() {
    return failedAttempts.sum();
  }

  /** Sends up to {@code limit} due messages in parallel; returns how many it claimed. */
  public int sendDue(int limit) {
    List<Claimed> claimed = claim(limit);
    List<CompletableFuture<Void>> attempts = new ArrayList<>();
    for (Claimed message : claimed) {
      attempts.add(send(message).thenAccept(outcome -> record(message, outcome)));
    }
    attempts.forEach(CompletableFuture::join);
    return claimed.size();
  }

  private List<Claimed> claim(int limit) {
    Instant now = clock.instant();
    // Long enough for every attempt of the batch to finish (they run in parallel).
    Instant until = now.plus(timeout.multipliedBy(2)).plusSeconds(60);
    return transactions.write(
        em -> {
          WebhookQueries webhooks = new WebhookQueries(em);
          List<Object[]> due = webhooks.dueMessages(now, limit);
          List<Claimed> mine = new ArrayList<>();
          for (Object[] row : due) {
            WebhookMessage m = (WebhookMessage) row[0];
            Subscription s = (Subscription) row[1];
            int won = webhooks.lockMessage(m.id(), until, now);
            if (won == 1) {
              mine.add(new Claimed(m.id(), s.id(), s.url(), s.secret(), m.payload()));
            }
          }
          return mine;
        });
  }

  private CompletableFuture<Outcome> send(Claimed message) {
    String refusal = targets.refusal(message.url());
    if (refusal != null) {
      return CompletableFuture.completedFuture(new Outcome(null, "URL " + refusal, null));
    }
    byte[] body = message.body().getBytes(StandardCharsets.UTF_8);
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(message.url()))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Storybank-Webhooks/1")
            .header("webhook-id", message.id())
            .header("webhook-timestamp", Long.toString(timestamp))
            .header(
                "webhook-signature",
                Signatures.sign(message.secret(), message.id(), timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
        .handle(
            (response, failure) -> {
              if (failure != null) {
                Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                if (cause instanceof HttpTimeoutException) {
                  // The operator's limit, not the receiver's fault alone: say which it is.
                  return new Outcome(
                      null,
                      "no answer within "
                          + timeout.toMillis()
                          + " ms (setting cms.webhooks.timeout-ms, environment variable"
                          + " CMS_WEBHOOKS_TIMEOUT_MS)",
                      null);
                }
                return new Outcome(null, cause.getClass().getSimpleName() + ": " + cause, null);
              }
              String excerpt = excerpt(response.body());
              int status = response.statusCode();
              if (status >= 200 && status < 300) {
                return new Outcome(status, null, null);
              }
              Duration retryAfter =
                  status == 429 || status == 503
                      ? retryAfter(response.headers().firstValue("Retry-After").orElse(null))
                      : null;
              return new Outcome(status, "HTTP " + status + excerpt, retryAfter);
            });
  }

  private void record(Claimed message, Outcome outcome) {
    Instant now = clock.instant();
    transactions.write(
        em -> {
          WebhookMessage m = em.find(WebhookMessage.class, message.id());
          if (m == null) {
            return null; // The subscription was deleted meanwhile.
          }
          Instant next = null;
          if (outcome.status() != null && outcome.status() == 410) {
            Subscription s = em.find(Subscription.class, message.subscription());
            if (s != null) {
              String reason =
                  "The receiver answered 410 Gone at " + now + "; subscribe again to resume.";
              s.disable(reason, Actor.WEBHOOKS.recordedName(), now);
              AuditLog.record(
                  em,
                  clock,
                  Actor.WEBHOOKS,
                  AuditLog.WEBHOOK_DISABLED,
                  s.tenant(),
                  "webhook " + s.id(),
                  reason);
            }
          } else if (!outcome.delivered()) {
            failedAttempts.increment();
            Duration wait = RetrySchedule.after(m.attempts() + 1, outcome.retryAfter());
            next = wait == null ? null : now.plus(wait);
          }
          m.attempted(outcome.status(), outcome.error(), outcome.delivered(), now, next);
          return null;
        });
  }

  private static String excerpt(InputStream body) {
    try (body) {
      byte[] start = body.readNBytes(300);
      String text = new String(start, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "" : ": " + text;
    } catch (IOException e) {
      return "";
    }
  }

  /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
  Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(value.strip());
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      try {
        Instant at =
            ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
