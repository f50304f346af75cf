package vn.storybank.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.Actor;
import vn.storybank.core.channel.ChannelInput;
import vn.storybank.core.entry.TranslationInput;
import vn.storybank.core.entry.WorkflowAction;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.Json;
import vn.storybank.core.media.MediaInput;
import vn.storybank.core.story.StoryInput;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.testing.TestClock;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;

/**
 * Webhooks end to end on H2 with a receiver on loopback: only committed changes are sent, signed
 * the Standard Webhooks way; a failing receiver gets the same message (same id) on the back-off
 * schedule, which a controllable clock runs through in milliseconds; the last failure dead-letters
 * it and a replay sends it again; 410 disables the subscription.
 */
class WebhooksIT {
  static final String T = TestContent.TENANT;
  static final Actor A = TestContent.ACTOR;

  @TempDir Path dir;
  TestClock clock;
  Storybank storybank;
  Webhooks webhooks;
  Receiver receiver;

  @BeforeEach
  void start() {
    clock = new TestClock(Instant.parse("2026-12-01T00:00:00Z"));
    storybank = Storybank.start(TestDatabases.h2(dir), clock);
    TestContent.laoCai(storybank);
    storybank.channels().put(T, "vi-only", viOnly(), null, A);
    webhooks =
        new Webhooks(storybank.database().transactions(), storybank.sync(), clock, settings(true));
    receiver = new Receiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
    webhooks.close();
    storybank.close();
  }

  static WebhookSettings settings(boolean allowPrivate) {
    return new WebhookSettings(
        Duration.ofMillis(50), Duration.ofSeconds(5), allowPrivate, "https://cms.example.org");
  }

  static ChannelInput viOnly() {
    return new ChannelInput(
        "Vietnamese only",
        "public",
        List.of(new ChannelInput.LocaleInput("vi", null, true)),
        null,
        null,
        null);
  }

  @Test
  void aFailingReceiverGetsTheSameSignedEventOnTheBackOffScheduleUntilItAccepts() throws Exception {
    CreatedSubscription created =
        webhooks.service().create(T, new SubscriptionInput("vi-only", receiver.url(), null), A);
    String secret = created.secret();
    assertTrue(secret.startsWith("whsec_"), secret);
    assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
    assertEquals(
        List.of("published", "updated", "unpublished", "deleted"), created.subscription().events());

    UUID story = publishedStory("Chợ phiên Bắc Hà");
    receiver.answer(500, 500);
    assertEquals(1, drain());

    assertEquals(1, webhooks.sender().sendDue(10));
    MessageView first = only(null);
    assertEquals("pending", first.status());
    assertEquals(1, first.attempts());
    assertEquals(500, first.lastStatus());
    assertEquals(clock.instant().plusSeconds(5), first.nextAttemptAt());
    assertEquals(0, webhooks.sender().sendDue(10), "not due before its back-off");

    clock.advance(Duration.ofSeconds(5));
    assertEquals(1, webhooks.sender().sendDue(10));
    assertEquals(clock.instant().plus(Duration.ofMinutes(5)), only(null).nextAttemptAt());
    clock.advance(Duration.ofMinutes(5));
    assertEquals(1, webhooks.sender().sendDue(10));

    MessageView delivered = only("delivered");
    assertEquals(3, delivered.attempts());
    List<Receiver.Request> requests = receiver.received();
    assertEquals(3, requests.size());
    for (Receiver.Request request : requests) {
      assertEquals(delivered.id(), request.id(), "the same webhook-id on every attempt");
      assertTrue(request.signedWith(secret), "signature verifies with the secret");
      assertFalse(request.signedWith(webhooksSecretOfAnother()), "and not with another one");
    }
    assertEquals(
        Long.toString(clock.instant().getEpochSecond()), requests.get(2).timestamp(), "per try");
    JsonNode body = Json.mapper().readTree(requests.get(0).body());
    assertEquals("story.published", body.get("type").asText());
    assertEquals(story.toString(), body.at("/data/id").asText());
    assertEquals("story", body.at("/data/type").asText());
    assertEquals(T, body.at("/data/tenant").asText());
    assertEquals("vi-only", body.at("/data/channel").asText());
    assertEquals("[\"vi\"]", body.at("/data/locales").toString());
    assertEquals(
        "https://cms.example.org/api/v1/lao-cai/stories/" + story + "?channel=vi-only",
        body.at("/data/url").asText());
    assertTrue(requests.get(0).body().length() < 20_000);
  }

  @Test
  void editsUnpublishingAndDeletingAreClassifiedPerSubscription() {
    UUID before = publishedStory("Đã có trước khi đăng ký");
    String all = subscribe(null);
    String onlyDeleted = subscribe(List.of("deleted"));
    assertEquals(0, drain(), "what the channel showed before subscribing is not announced");

    storybank.stories().putTranslation(T, before, "vi", TestContent.text("Sửa lại"), null, A);
    drain();
    assertEquals(List.of(), events(all), "a saved draft changes nothing a reader sees");
    storybank.stories().review().act(T, before, "vi", WorkflowAction.PUBLISH, null, A);
    drain();
    UUID story = publishedStory("Ruộng bậc thang");
    drain();
    UUID draft =
        storybank.stories().create(T, TestContent.story("destination", "Nháp"), A).header().id();
    storybank.stories().putTranslation(T, draft, "vi", TestContent.text("Nháp 2"), null, A);
    drain();
    storybank.stories().review().act(T, story, "vi", WorkflowAction.UNPUBLISH, null, A);
    drain();
    storybank.stories().review().act(T, story, "vi", WorkflowAction.PUBLISH, null, A);
    drain();
    storybank.stories().delete(T, story, null, A);
    drain();

    assertEquals(
        List.of(
            "story.updated " + before,
            "story.published " + story,
            "story.unpublished " + story,
            "story.published " + story,
            "story.deleted " + story),
        events(all));
    assertEquals(List.of("story.deleted " + story), events(onlyDeleted));
    while (webhooks.sender().sendDue(10) > 0) {
      // until everything due is sent
    }
    assertEquals(6, receiver.received().size());
    assertEquals(0, webhooks.service().messages(T, all, "pending", 10, TestContent.ACTOR).size());
  }

  @Test
  void aRenamedTermAChangedChannelFilterAndRightsThatRunOutAreAnnouncedToo() {
    UUID story = publishedStory("Chợ phiên Bắc Hà");
    String all = subscribe(null);
    drain();

    storybank
        .taxonomies()
        .patch(
            T,
            TermKind.ETHNIC_GROUP,
            "hmong",
            Json.mapper()
                .createObjectNode()
                .set("labels", Json.mapper().valueToTree(Map.of("vi", "H'Mông"))),
            null,
            A);
    drain();
    storybank.channels().put(T, "vi-only", viOnlyKinds(List.of("festival")), null, A);
    drain();
    storybank.channels().put(T, "vi-only", viOnly(), null, A);
    drain();
    UUID photo =
        storybank
            .media()
            .create(
                T,
                new MediaInput(
                    "photo",
                    "Nguyễn Văn A",
                    null,
                    "CC BY 4.0",
                    null,
                    false,
                    null,
                    clock.instant().plus(Duration.ofDays(1)),
                    null,
                    List.of(),
                    null,
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    Map.of("vi", TestContent.published("Ruộng bậc thang mùa nước đổ", null))),
                A)
            .header()
            .id();
    drain();
    clock.advance(Duration.ofDays(2));
    drain();

    assertEquals(
        List.of(
            "story.updated " + story,
            "story.unpublished " + story,
            "story.published " + story,
            "media.published " + photo,
            "media.unpublished " + photo),
        events(all));
  }

  static ChannelInput viOnlyKinds(List<String> kinds) {
    ChannelInput all = viOnly();
    return new ChannelInput(
        all.name(),
        all.access(),
        all.locales(),
        new ChannelInput.Filter(null, kinds, null, null),
        null,
        null);
  }

  /** A subscription of the receiver to the vi-only channel; returns its id. */
  private String subscribe(List<String> events) {
    return webhooks
        .service()
        .create(T, new SubscriptionInput("vi-only", receiver.url(), events), A)
        .subscription()
        .id()
        .toString();
  }

  /** The subscription's messages as "type entry", oldest change first. */
  private List<String> events(String subscription) {
    return webhooks.service().messages(T, subscription, null, 100, TestContent.ACTOR).stream()
        // Run-out rights are announced at the change-log position they were noticed at.
        .sorted(
            java.util.Comparator.comparingLong(MessageView::changeSeq)
                .thenComparing(MessageView::createdAt))
        .map(m -> m.type() + " " + m.entry())
        .toList();
  }

  @Test
  void afterTheLastAttemptTheMessageIsDeadAndAReplaySendsItAgainWithTheSameId() {
    String id = subscribe(null);
    publishedStory("Sẽ thất bại");
    drain();
    receiver.answerWithRetryAfter(503, "120");
    receiver.answer(500, 500, 500, 500, 500, 500, 500, 500, 500);

    assertEquals(1, webhooks.sender().sendDue(10));
    assertEquals(
        clock.instant().plusSeconds(120), only(null).nextAttemptAt(), "Retry-After honoured");
    clock.advance(Duration.ofSeconds(120));
    Duration total = Duration.ofSeconds(120);
    for (int attempt = 2; attempt <= 10; attempt++) {
      assertEquals(1, webhooks.sender().sendDue(10), "attempt " + attempt);
      MessageView message = only(null);
      assertEquals(attempt, message.attempts());
      if (attempt < 10) {
        Duration wait = Duration.between(clock.instant(), message.nextAttemptAt());
        assertEquals(RetrySchedule.DELAYS.get(attempt - 1), wait);
        clock.advance(wait);
        total = total.plus(wait);
      }
    }
    MessageView dead = webhooks.service().messages(T, id, "dead", 10, TestContent.ACTOR).get(0);
    assertEquals(10, dead.attempts());
    assertEquals(500, dead.lastStatus());
    assertTrue(dead.lastError().startsWith("HTTP 500"), dead.lastError());
    assertNull(dead.nextAttemptAt());
    assertTrue(total.compareTo(Duration.ofHours(70)) > 0, total.toString());
    clock.advance(Duration.ofDays(2));
    assertEquals(0, webhooks.sender().sendDue(10), "a dead message is not sent");

    MessageView replayed = webhooks.service().replay(T, id, dead.id(), TestContent.ACTOR);
    assertEquals("pending", replayed.status());
    assertEquals(1, webhooks.sender().sendDue(10));
    assertEquals(
        "delivered",
        webhooks.service().messages(T, id, null, 10, TestContent.ACTOR).get(0).status());
    List<Receiver.Request> requests = receiver.received();
    assertEquals(11, requests.size());
    assertTrue(requests.stream().allMatch(r -> r.id().equals(dead.id())), "one id throughout");
    StorybankException pending =
        assertThrows(
            StorybankException.class,
            () -> webhooks.service().replay(T, id, "msg_unknown", TestContent.ACTOR));
    assertEquals(ErrorKind.NOT_FOUND, pending.kind());
  }

  @Test
  void a410FromTheReceiverDisablesTheSubscription() {
    String id = subscribe(null);
    publishedStory("Một");
    drain();
    receiver.answer(410);
    webhooks.sender().sendDue(10);
    SubscriptionView disabled = webhooks.service().get(T, id, TestContent.ACTOR);
    assertFalse(disabled.active());
    assertTrue(disabled.disabledReason().contains("410"), disabled.disabledReason());
    assertEquals("dead", only(null).status());

    publishedStory("Hai");
    drain();
    clock.advance(Duration.ofDays(1));
    assertEquals(0, webhooks.sender().sendDue(10));
    assertEquals(1, receiver.received().size());
    assertEquals(1, webhooks.service().messages(T, id, null, 10, TestContent.ACTOR).size());
  }

  @Test
  void aRolledBackWriteSendsNothing() {
    webhooks.service().create(T, new SubscriptionInput("vi-only", receiver.url(), null), A);
    long head = storybank.changes().head();
    StoryInput published = publishedInput("Không bao giờ được lưu");
    assertThrows(
        IllegalStateException.class,
        () ->
            storybank
                .stories()
                .inTransaction(
                    T,
                    A,
                    ctx -> storybank.stories().create(ctx, UUID.randomUUID(), published),
                    created -> {
                      throw new IllegalStateException("fails after the change was logged");
                    }));
    assertEquals(head, storybank.changes().head());
    assertEquals(0, drain());
    clock.advance(Duration.ofMinutes(1));
    assertEquals(0, webhooks.sender().sendDue(10));
    assertEquals(List.of(), receiver.received());

    publishedStory("Được lưu");
    assertEquals(1, drain());
    assertEquals(1, webhooks.sender().sendDue(10));
    assertEquals(1, receiver.received().size());
  }

  @Test
  void privateTargetsAndOtherSchemesAreRefusedUnlessAllowed() {
    Webhooks strict =
        new Webhooks(storybank.database().transactions(), storybank.sync(), clock, settings(false));
    StorybankException loopback =
        assertThrows(
            StorybankException.class,
            () ->
                strict
                    .service()
                    .create(T, new SubscriptionInput("vi-only", receiver.url(), null), A));
    assertEquals(ErrorKind.INVALID, loopback.kind());
    assertEquals("url", loopback.fieldErrors().get(0).field());
    String why = loopback.fieldErrors().get(0).message();
    assertTrue(why.contains("127.0.0.1"), why);
    // The operator learns how to allow it, whichever way they configure the server.
    assertTrue(why.contains("cms.webhooks.allow-private-targets=true"), why);
    assertTrue(why.contains("CMS_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true"), why);
    StorybankException invalid =
        assertThrows(
            StorybankException.class,
            () ->
                strict
                    .service()
                    .create(
                        T,
                        new SubscriptionInput(
                            "no-such-channel", "ftp://partner.example/", List.of("created")),
                        A));
    assertEquals(
        List.of("channel", "url", "events"),
        invalid.fieldErrors().stream().map(e -> e.field()).toList());
    assertEquals(List.of(), strict.service().list(T, TestContent.ACTOR));
  }

  /** A timeout is the operator's setting as much as the receiver's delay: the error names it. */
  @Test
  void aReceiverThatDoesNotAnswerInTimeIsRecordedWithTheSettingThatTimedItOut() throws Exception {
    webhooks.close();
    webhooks =
        new Webhooks(
            storybank.database().transactions(),
            storybank.sync(),
            clock,
            new WebhookSettings(
                Duration.ofMillis(50), Duration.ofMillis(300), true, "https://cms.example.org"));
    // Connections are accepted by the system and never answered.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + silent.getLocalPort() + "/hooks";
      webhooks.service().create(T, new SubscriptionInput("vi-only", url, null), A);
      publishedStory("Không trả lời");
      assertEquals(1, drain());
      assertEquals(1, webhooks.sender().sendDue(10));
      String error = only(null).lastError();
      assertTrue(error.contains("300 ms"), error);
      assertTrue(error.contains("cms.webhooks.timeout-ms"), error);
      assertTrue(error.contains("CMS_WEBHOOKS_TIMEOUT_MS"), error);
    }
  }

  // --- helpers

  private static String webhooksSecretOfAnother() {
    return Signatures.newSecret();
  }

  /** Runs the dispatcher until it has read the whole log; returns the messages it wrote. */
  private int drain() {
    int before = allMessages();
    while (webhooks.dispatcher().dispatchOnce(100) > 0) {
      // until caught up
    }
    return allMessages() - before;
  }

  private int allMessages() {
    return webhooks.service().list(T, TestContent.ACTOR).stream()
        .mapToInt(
            s ->
                webhooks
                    .service()
                    .messages(T, s.id().toString(), null, 500, TestContent.ACTOR)
                    .size())
        .sum();
  }

  private MessageView only(String status) {
    List<SubscriptionView> subscriptions = webhooks.service().list(T, TestContent.ACTOR);
    assertEquals(1, subscriptions.size());
    List<MessageView> messages =
        webhooks
            .service()
            .messages(T, subscriptions.get(0).id().toString(), status, 10, TestContent.ACTOR);
    assertEquals(1, messages.size(), messages.toString());
    return messages.get(0);
  }

  private UUID publishedStory(String title) {
    return storybank.stories().create(T, publishedInput(title), A).header().id();
  }

  static StoryInput publishedInput(String title) {
    StoryInput draft = TestContent.story("destination", title);
    TranslationInput published = TestContent.published(title, null);
    return new StoryInput(
        draft.kind(),
        draft.pillars(),
        draft.topics(),
        draft.places(),
        draft.ethnicGroups(),
        draft.markets(),
        draft.eventDate(),
        draft.geo(),
        draft.heroMedia(),
        draft.relatedStories(),
        draft.relatedProducts(),
        draft.credit(),
        draft.source(),
        Map.of("vi", published));
  }
}
