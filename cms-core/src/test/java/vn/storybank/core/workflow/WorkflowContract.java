package vn.storybank.core.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.Actor;
import vn.storybank.core.changelog.ChangeView;
import vn.storybank.core.changelog.Operation;
import vn.storybank.core.entry.CommentView;
import vn.storybank.core.entry.RevisionDiff;
import vn.storybank.core.entry.ScheduleInput;
import vn.storybank.core.entry.Staleness;
import vn.storybank.core.entry.TranslationInput;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.entry.WorkflowAction;
import vn.storybank.core.entry.WorkflowSettings;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.snapshot.TranslationSnapshot;
import vn.storybank.core.story.StoryInput;
import vn.storybank.core.story.StoryService;
import vn.storybank.core.story.StoryView;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.testing.TestClock;
import vn.storybank.core.testing.TestContent;

/** The editorial workflow on the database a subclass names. */
abstract class WorkflowContract {
  static final String T = TestContent.TENANT;
  static final String AUTHOR = "alice";
  static final String BOB = "bob";
  static final String CAROL = "carol";

  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.parse("2026-03-01T08:00:00Z"));
  DatabaseSettings settings;
  Storybank storybank;

  abstract DatabaseSettings database(Path dir);

  @BeforeEach
  void start() {
    settings = database(dir);
    storybank = Storybank.start(settings, clock);
    TestContent.laoCai(storybank);
    storybank
        .taxonomies()
        .create(
            T,
            TermKind.TOPIC,
            TestContent.term("religion", "Tôn giáo", null, null),
            Actor.user("admin"));
    storybank
        .taxonomies()
        .create(
            T,
            TermKind.TOPIC,
            TestContent.term("markets", "Chợ phiên", null, null),
            Actor.user("admin"));
    // Everyone may write and review, so the workflow's own rules (not the author, two different
    // approvers) are what the tests meet; roles are RoleMatrixIT's subject.
    member(AUTHOR, "approver");
    member(BOB, "approver");
    member(CAROL, "approver");
  }

  private void member(String username, String role) {
    storybank
        .users()
        .createUser(
            new vn.storybank.core.account.UserInput(username, "correct horse battery staple", null),
            Actor.user("admin"));
    storybank
        .members()
        .putMember(
            T,
            username,
            new vn.storybank.core.account.MemberInput(List.of(role, "editor"), null),
            Actor.user("admin"));
  }

  @AfterEach
  void stop() {
    storybank.close();
  }

  StoryService stories() {
    return storybank.stories();
  }

  UUID story(String topic, String title) {
    return stories()
        .create(T, input(topic, Map.of("vi", TestContent.text(title))), Actor.user(AUTHOR))
        .header()
        .id();
  }

  static StoryInput input(String topic, Map<String, TranslationInput> translations) {
    return new StoryInput(
        "destination",
        List.of(),
        topic == null ? List.of() : List.of(topic),
        List.of("sa-pa"),
        List.of(),
        List.of(),
        null,
        null,
        null,
        List.of(),
        List.of(),
        null,
        null,
        translations);
  }

  StoryView act(UUID id, String locale, WorkflowAction action, String actor) {
    return stories()
        .review()
        .act(
            T,
            id,
            locale,
            action,
            action == WorkflowAction.REJECT ? "Fix it" : null,
            Actor.user(actor));
  }

  static void assertConflict(String messagePart, Runnable action) {
    StorybankException e = assertThrows(StorybankException.class, action::run);
    assertEquals(ErrorKind.CONFLICT, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }

  TranslationSnapshot snapshot(UUID id, String locale) {
    return storybank.snapshots().load(List.of(id)).get(0).translations().stream()
        .filter(t -> t.locale().equals(locale))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void reviewApprovePublishAndAnEditAfterwardsChangesNothingLive() {
    UUID id = story("markets", "Chợ phiên Bắc Hà");
    assertConflict("is draft", () -> act(id, "vi", WorkflowAction.APPROVE, BOB));
    assertEquals(TranslationStatus.IN_REVIEW, status(act(id, "vi", WorkflowAction.SUBMIT, AUTHOR)));
    assertConflict("is in review", () -> act(id, "vi", WorkflowAction.SUBMIT, AUTHOR));
    assertConflict("other people", () -> act(id, "vi", WorkflowAction.APPROVE, AUTHOR));
    assertEquals(TranslationStatus.APPROVED, status(act(id, "vi", WorkflowAction.APPROVE, BOB)));
    assertNull(snapshot(id, "vi").live());
    StoryView published = act(id, "vi", WorkflowAction.PUBLISH, BOB);
    assertEquals(TranslationStatus.PUBLISHED, status(published));
    assertEquals(1L, published.translations().get("vi").liveRevision());
    assertConflict("published already", () -> act(id, "vi", WorkflowAction.PUBLISH, BOB));

    ChangeView last = lastChange();
    assertEquals(Operation.PUBLISH, last.operation());
    assertEquals("vi", last.locale());

    stories()
        .putTranslation(
            T, id, "vi", TestContent.text("Chợ phiên Bắc Hà (sửa)"), null, Actor.user(AUTHOR));
    TranslationSnapshot after = snapshot(id, "vi");
    assertEquals("Chợ phiên Bắc Hà (sửa)", after.title());
    assertEquals(TranslationStatus.DRAFT, after.status());
    assertEquals("Chợ phiên Bắc Hà", after.live().title());
    assertEquals(1, after.live().revision());
    assertTrue(after.servesLocales().contains("vi"));
    assertTrue(after.servesLocales().contains("en"), "en falls back to the live vi");

    act(id, "vi", WorkflowAction.SUBMIT, AUTHOR);
    act(id, "vi", WorkflowAction.APPROVE, CAROL);
    act(id, "vi", WorkflowAction.PUBLISH, CAROL);
    assertEquals("Chợ phiên Bắc Hà (sửa)", snapshot(id, "vi").live().title());

    StoryView down = act(id, "vi", WorkflowAction.UNPUBLISH, CAROL);
    assertEquals(TranslationStatus.ARCHIVED, status(down));
    assertNull(snapshot(id, "vi").live());
    assertTrue(snapshot(id, "vi").servesLocales().isEmpty());
    assertEquals(Operation.UNPUBLISH, lastChange().operation());
    assertConflict("is archived", () -> act(id, "vi", WorkflowAction.UNPUBLISH, CAROL));
  }

  @Test
  void sensitiveTopicsNeedTwoApproversNeitherTheAuthor() {
    UUID id = story("religion", "Lễ hội đền Bảo Hà");
    assertConflict("sensitive", () -> act(id, "vi", WorkflowAction.PUBLISH, AUTHOR));
    act(id, "vi", WorkflowAction.SUBMIT, AUTHOR);
    assertEquals(TranslationStatus.IN_REVIEW, status(act(id, "vi", WorkflowAction.APPROVE, BOB)));
    assertConflict("approved revision 1", () -> act(id, "vi", WorkflowAction.APPROVE, BOB));
    assertConflict("sensitive", () -> act(id, "vi", WorkflowAction.PUBLISH, BOB));
    assertEquals(List.of(BOB), stories().review().approvers(T, id, "vi", TestContent.ACTOR));
    assertEquals(TranslationStatus.APPROVED, status(act(id, "vi", WorkflowAction.APPROVE, CAROL)));
    assertEquals(TranslationStatus.PUBLISHED, status(act(id, "vi", WorkflowAction.PUBLISH, CAROL)));
    assertNotNull(snapshot(id, "vi").live());
  }

  @Test
  void sensitiveTopicsMustBeTopicsOfTheTenant() {
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      many.add("topic-" + i);
    }
    StorybankException e =
        assertThrows(
            StorybankException.class,
            () ->
                storybank
                    .workflow()
                    .putSettings(T, new SettingsView(many, true), Actor.superAdmin()));
    assertEquals(ErrorKind.INVALID, e.kind(), e.getMessage());
    assertEquals("sensitiveTopics[0]", e.fieldErrors().get(0).field());
    assertTrue(e.fieldErrors().get(0).message().contains("no topic 'topic-0'"), e.getMessage());
    assertEquals(
        WorkflowSettings.DEFAULT_SENSITIVE_TOPICS,
        storybank.workflow().settings(T, Actor.superAdmin()).sensitiveTopics());
  }

  @Test
  void aTenantCanRequireApprovalForEverything() {
    UUID id = story(null, "Ruộng bậc thang");
    SettingsView strict =
        storybank
            .workflow()
            .putSettings(T, new SettingsView(List.of("religion"), false), Actor.superAdmin());
    assertFalse(strict.directPublish());
    assertConflict("only approved", () -> act(id, "vi", WorkflowAction.PUBLISH, AUTHOR));
    storybank
        .workflow()
        .putSettings(T, new SettingsView(List.of("religion"), true), Actor.superAdmin());
    assertEquals(
        TranslationStatus.PUBLISHED, status(act(id, "vi", WorkflowAction.PUBLISH, AUTHOR)));
  }

  @Test
  void aRejectionReturnsTheTranslationToItsAuthorWithTheComment() {
    UUID id = story("markets", "Chợ Cốc Ly");
    act(id, "vi", WorkflowAction.SUBMIT, AUTHOR);
    assertEquals(1, storybank.workflow().tasks(T, Actor.user(BOB)).toReview().size());
    assertTrue(storybank.workflow().tasks(T, Actor.user(AUTHOR)).toReview().isEmpty());
    StorybankException noComment =
        assertThrows(
            StorybankException.class,
            () -> stories().review().act(T, id, "vi", WorkflowAction.REJECT, " ", Actor.user(BOB)));
    assertEquals(ErrorKind.INVALID, noComment.kind());
    StoryView rejected = act(id, "vi", WorkflowAction.REJECT, BOB);
    assertEquals(TranslationStatus.DRAFT, status(rejected));
    assertEquals(BOB, rejected.translations().get("vi").returnedBy());
    Tasks mine = storybank.workflow().tasks(T, Actor.user(AUTHOR));
    assertEquals(1, mine.returned().size());
    assertEquals(id, mine.returned().get(0).entryId());
    List<CommentView> thread = storybank.workflow().comments(T, "story", id, TestContent.ACTOR);
    assertEquals(1, thread.size());
    assertEquals("Fix it", thread.get(0).body());
    assertEquals(BOB, thread.get(0).author());
    storybank.workflow().comment(T, "story", id, "vi", "Đã sửa tên chợ", Actor.user(AUTHOR));
    assertEquals(2, storybank.workflow().comments(T, "story", id, TestContent.ACTOR).size());
    act(id, "vi", WorkflowAction.SUBMIT, AUTHOR);
    assertTrue(storybank.workflow().tasks(T, Actor.user(AUTHOR)).returned().isEmpty());
  }

  @Test
  void revisionsAreKeptDiffedAndRestoredAsANewRevision() {
    UUID id = story(null, "Bản Cát Cát");
    stories()
        .putTranslation(
            T, id, "vi", TestContent.text("Bản Cát Cát mùa lúa"), null, Actor.user(AUTHOR));
    stories()
        .putTranslation(
            T, id, "vi", TestContent.text("Bản Cát Cát mùa đông"), null, Actor.user(BOB));
    var revisions = stories().revisions().list(T, id, "vi", TestContent.ACTOR);
    assertEquals(List.of(3L, 2L, 1L), revisions.stream().map(r -> r.revision()).toList());
    assertEquals(BOB, revisions.get(0).savedBy());
    RevisionDiff diff = stories().revisions().diff(T, id, "vi", 3, 1, TestContent.ACTOR);
    assertEquals(List.of("title", "slug"), diff.changes().stream().map(c -> c.field()).toList());
    assertEquals("Bản Cát Cát", diff.changes().get(0).before());
    assertEquals("Bản Cát Cát mùa đông", diff.changes().get(0).after());
    StoryView restored = stories().revisions().restore(T, id, "vi", 1, Actor.user(CAROL));
    assertEquals(4, restored.translations().get("vi").revision());
    assertEquals("Bản Cát Cát", restored.translations().get("vi").title());
    assertEquals(4, stories().revisions().list(T, id, "vi", TestContent.ACTOR).size());
    assertThrows(
        StorybankException.class,
        () -> stories().revisions().diff(T, id, "vi", 9, 1, TestContent.ACTOR));
  }

  @Test
  void aTranslationIsStaleWhenItsSourceChangesAndTheDashboardCountsIt() {
    UUID id =
        stories()
            .create(
                T,
                input(
                    null,
                    Map.of(
                        "vi",
                        TestContent.text("Thác Bạc"),
                        "en",
                        TestContent.text("Silver Falls"))),
                Actor.user(AUTHOR))
            .header()
            .id();
    story(null, "Chỉ tiếng Việt");
    assertFalse(stories().revisions().staleness(T, id, "en", TestContent.ACTOR).stale());
    assertEquals(0, storybank.workflow().dashboard(T, "en", Actor.superAdmin()).staleCount());
    stories()
        .putTranslation(T, id, "vi", TestContent.text("Thác Bạc Sa Pa"), null, Actor.user(AUTHOR));
    Staleness staleness = stories().revisions().staleness(T, id, "en", TestContent.ACTOR);
    assertTrue(staleness.stale());
    assertEquals(1L, staleness.madeFrom());
    assertEquals(2L, staleness.sourceRevision());
    assertEquals("Thác Bạc Sa Pa", staleness.sourceChanges().get(0).after());
    assertTrue(stories().get(T, id, Actor.superAdmin()).translations().get("en").stale());
    Dashboard en = storybank.workflow().dashboard(T, "en", Actor.superAdmin());
    assertEquals(1, en.staleCount());
    assertEquals(1, en.missingCount());
    assertEquals(0, en.publishedCount());
    assertEquals(1, storybank.workflow().tasks(T, Actor.user(AUTHOR)).toTranslate().size());
  }

  @Test
  void theDashboardCountsEveryTranslationAndListsTheHundredMostRecentlyChanged() {
    for (int i = 0; i < 103; i++) {
      story(null, "Câu chuyện chưa dịch " + i);
      clock.advance(Duration.ofSeconds(1));
    }
    UUID inReview = story(null, "Chờ duyệt");
    stories()
        .putTranslation(T, inReview, "en", TestContent.text("Waiting"), null, Actor.user(AUTHOR));
    act(inReview, "en", WorkflowAction.SUBMIT, AUTHOR);

    Dashboard en = storybank.workflow().dashboard(T, "en", Actor.superAdmin());
    assertEquals(103, en.missingCount());
    assertEquals(100, en.missing().size());
    assertEquals("Câu chuyện chưa dịch 102", en.missing().get(0).title(), "newest first");
    assertEquals(1, en.inReviewCount());
    assertEquals(inReview, en.inReview().get(0).entryId());
    assertEquals(0, en.staleCount());
    Dashboard vi = storybank.workflow().dashboard(T, "vi", Actor.superAdmin());
    assertEquals(0, vi.missingCount(), "the source language misses nothing");
    assertEquals(0, vi.staleCount(), "nor is it stale against itself");
  }

  @Test
  void scheduledPublishUnpublishAndEmbargoFireOnceWhenDueEvenAfterARestart() {
    UUID id = story(null, "Đỉnh Fansipan");
    act(id, "vi", WorkflowAction.SUBMIT, AUTHOR);
    act(id, "vi", WorkflowAction.APPROVE, BOB);
    Instant at = clock.instant().plus(Duration.ofHours(1));
    stories()
        .review()
        .schedule(
            T,
            id,
            "vi",
            new ScheduleInput(at, at.plus(Duration.ofDays(1)), at.plusSeconds(600)),
            Actor.user(BOB));
    assertEquals(0, storybank.scheduler().runDue());

    // The node is down when the publish time passes; it catches up after the restart.
    storybank.close();
    clock.advance(Duration.ofHours(1));
    storybank = Storybank.start(settings, clock);
    assertEquals(1, storybank.scheduler().runDue());
    assertEquals(0, storybank.scheduler().runDue());
    TranslationSnapshot embargoed = snapshot(id, "vi");
    assertEquals(TranslationStatus.PUBLISHED, embargoed.status());
    assertNull(embargoed.live(), "under embargo nothing is live");
    assertTrue(embargoed.servesLocales().isEmpty());

    clock.advance(Duration.ofMinutes(10));
    assertNotNull(snapshot(id, "vi").live());
    assertEquals(1, storybank.scheduler().runDue(), "the end of the embargo is logged once");
    assertEquals(Operation.UPDATE, lastChange().operation());

    clock.advance(Duration.ofDays(1));
    assertEquals(1, storybank.scheduler().runDue());
    assertNull(snapshot(id, "vi").live());
    assertEquals(Operation.UNPUBLISH, lastChange().operation());
    assertEquals(Actor.SCHEDULER.recordedName(), lastChange().changedBy());
  }

  @Test
  void aScheduledPublishThatIsNoLongerAllowedLeavesAComment() {
    UUID id = story("religion", "Đền Thượng");
    stories()
        .review()
        .schedule(T, id, "vi", new ScheduleInput(clock.instant(), null, null), Actor.user(AUTHOR));
    assertEquals(1, storybank.scheduler().runDue());
    assertNull(snapshot(id, "vi").live());
    List<CommentView> thread = storybank.workflow().comments(T, "story", id, TestContent.ACTOR);
    assertEquals(1, thread.size());
    assertTrue(thread.get(0).body().contains("did not happen"), thread.get(0).body());
  }

  private ChangeView lastChange() {
    List<ChangeView> changes = storybank.changes().after(T, 0, 10_000, TestContent.ACTOR);
    return changes.get(changes.size() - 1);
  }

  private static TranslationStatus status(StoryView view) {
    return view.translations().get("vi").status();
  }
}
