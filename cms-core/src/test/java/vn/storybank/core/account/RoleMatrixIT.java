package vn.storybank.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.Storybank;
import vn.storybank.core.entry.ListQuery;
import vn.storybank.core.entry.ScheduleInput;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.entry.WorkflowAction;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.media.TestMedia;
import vn.storybank.core.story.StoryInput;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.tenant.TenantInput;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;

/**
 * Every role × every action, in the member's own tenant and in another one, through the services
 * (where the checks live). The expected matrix is written out here, independently of {@link Role},
 * so that a change to the roles has to change this table too.
 */
class RoleMatrixIT {
  static final String OWN = TestContent.TENANT;
  static final String OTHER = "thai-nguyen";
  static final Actor ADMIN = Actor.superAdmin();
  static final String PASSWORD = "a long enough passphrase";

  /** Y allowed, N forbidden (403), H hidden (404, as if it did not exist). */
  static final String MATRIX =
      """
      role            readDraft readPublished write translateEn translateZh publish delete media mediaCaption taxonomy settings members transfer changes search audit
      admin           Y Y Y Y Y Y Y Y Y Y Y Y Y Y Y Y
      editor          Y Y Y Y Y N Y Y Y Y N N N Y Y N
      translator      Y Y N Y N N N N Y N N N N N Y N
      approver        Y Y N N N Y N N N N N N N Y Y N
      media-librarian Y Y N N N N N Y Y N N N N N Y N
      journalist      H Y N N N N N N N N N N N N N N
      """;

  @TempDir static Path dir;
  static Storybank storybank;
  static final Map<String, UUID> draft = new LinkedHashMap<>();
  static final Map<String, UUID> published = new LinkedHashMap<>();
  static final Map<String, UUID> media = new LinkedHashMap<>();
  static final AtomicInteger counter = new AtomicInteger();

  interface Operation {
    void run(String tenant, Actor actor);
  }

  static Map<String, Operation> operations() {
    Map<String, Operation> ops = new LinkedHashMap<>();
    ops.put("readDraft", (t, a) -> storybank.stories().get(t, draft.get(t), a));
    ops.put("readPublished", (t, a) -> storybank.stories().get(t, published.get(t), a));
    ops.put("write", (t, a) -> storybank.stories().create(t, story("Mới"), a));
    ops.put(
        "translateEn",
        (t, a) ->
            storybank
                .stories()
                .putTranslation(t, draft.get(t), "en", TestContent.text("Cat Cat"), null, a));
    ops.put(
        "translateZh",
        (t, a) ->
            storybank
                .stories()
                .putTranslation(t, draft.get(t), "zh-Hans", TestContent.text("猫猫村"), null, a));
    ops.put(
        "publish",
        (t, a) ->
            storybank
                .stories()
                .review()
                .act(t, storyIn(t, false), "vi", WorkflowAction.PUBLISH, null, a));
    ops.put(
        "delete",
        (t, a) -> {
          UUID id = storyIn(t, false);
          storybank.stories().delete(t, id, null, a);
        });
    ops.put(
        "media",
        (t, a) ->
            storybank
                .mediaFiles()
                .upload(
                    t,
                    new ByteArrayInputStream(TestMedia.png(8, 8 + counter.incrementAndGet())),
                    "image/png",
                    "x.png",
                    null,
                    a));
    ops.put(
        "mediaCaption",
        (t, a) ->
            storybank
                .media()
                .putTranslation(t, media.get(t), "en", TestContent.text("Terraces"), null, a));
    ops.put(
        "taxonomy",
        (t, a) ->
            storybank
                .taxonomies()
                .create(
                    t,
                    TermKind.TOPIC,
                    TestContent.term("topic-" + counter.incrementAndGet(), "Chủ đề", null, null),
                    a));
    ops.put("settings", (t, a) -> storybank.tenants().put(t, tenantInput(), null, a));
    ops.put("members", (t, a) -> storybank.members().listMembers(t, a));
    ops.put(
        "transfer",
        (t, a) -> storybank.transfer().exportNdjson(t, OutputStream.nullOutputStream(), a));
    ops.put("changes", (t, a) -> storybank.changes().after(t, 0, 10, a));
    ops.put("search", (t, a) -> storybank.permissions().require(t, Action.EDITOR_SEARCH, a));
    ops.put(
        "audit", (t, a) -> storybank.auditTrail().audit(null, null, t, null, null, null, 10, a));
    return ops;
  }

  @BeforeAll
  static void start() {
    storybank = Storybank.start(TestDatabases.h2(dir), Clock.systemUTC());
    TestContent.laoCai(storybank);
    storybank.tenants().put(OTHER, tenantInput(), null, ADMIN);
    for (String tenant : List.of(OWN, OTHER)) {
      draft.put(tenant, storyIn(tenant, false));
      published.put(tenant, storyIn(tenant, true));
      media.put(
          tenant,
          storybank
              .mediaFiles()
              .upload(
                  tenant,
                  new ByteArrayInputStream(TestMedia.png(4, 4)),
                  "image/png",
                  "a.png",
                  null,
                  ADMIN)
              .header()
              .id());
    }
    for (Role role : Role.values()) {
      String user = "u-" + role.code();
      storybank.users().createUser(new UserInput(user, PASSWORD, role.code()), ADMIN);
      storybank
          .members()
          .putMember(
              OWN,
              user,
              new MemberInput(
                  List.of(role.code()), role == Role.TRANSLATOR ? List.of("en") : List.of()),
              ADMIN);
    }
  }

  @AfterAll
  static void stop() {
    storybank.close();
  }

  static TenantInput tenantInput() {
    return new TenantInput(
        Map.of("vi", "Tỉnh"),
        "vi",
        List.of(
            new TenantInput.LocaleInput("vi", List.of()),
            new TenantInput.LocaleInput("en", List.of("vi")),
            new TenantInput.LocaleInput("zh-Hans", List.of("vi"))),
        "Asia/Ho_Chi_Minh");
  }

  /** A story without terms, valid in any tenant. */
  static StoryInput story(String title) {
    return new StoryInput(
        "destination",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        null,
        List.of(),
        List.of(),
        null,
        null,
        Map.of("vi", TestContent.text(title)));
  }

  static UUID storyIn(String tenant, boolean publish) {
    UUID id =
        storybank
            .stories()
            .create(tenant, story("Bản Cát Cát " + counter.incrementAndGet()), ADMIN)
            .header()
            .id();
    if (publish) {
      storybank.stories().review().act(tenant, id, "vi", WorkflowAction.PUBLISH, null, ADMIN);
    }
    return id;
  }

  @TestFactory
  List<DynamicTest> everyRoleAndActionInItsOwnTenantAndAnother() {
    Map<String, Operation> ops = operations();
    String[] lines = MATRIX.strip().split("\n");
    String[] header = lines[0].trim().split("\\s+");
    assertEquals(ops.keySet().size(), header.length - 1, "one column per operation");
    String unknownTenant =
        failure(() -> ops.get("readDraft").run("no-such-tenant", Actor.user("u-editor")));
    List<DynamicTest> tests = new ArrayList<>();
    for (int row = 1; row < lines.length; row++) {
      String[] cells = lines[row].trim().split("\\s+");
      String user = "u-" + cells[0];
      for (int col = 1; col < header.length; col++) {
        String op = header[col];
        String expected = cells[col];
        tests.add(
            DynamicTest.dynamicTest(
                cells[0] + " " + op + " in own tenant: " + expected,
                () -> assertOutcome(expected, () -> ops.get(op).run(OWN, Actor.user(user)))));
        tests.add(
            DynamicTest.dynamicTest(
                cells[0] + " " + op + " in another tenant: hidden like an unknown one",
                () ->
                    assertEquals(
                        unknownTenant.replace("no-such-tenant", OTHER),
                        failure(() -> ops.get(op).run(OTHER, Actor.user(user))))));
      }
    }
    for (String op : ops.keySet()) {
      tests.add(
          DynamicTest.dynamicTest(
              "super-admin " + op + " in both tenants",
              () -> {
                ops.get(op).run(OWN, ADMIN);
                ops.get(op).run(OTHER, ADMIN);
              }));
    }
    return tests;
  }

  private static void assertOutcome(String expected, Runnable action) {
    switch (expected) {
      case "Y" -> action.run();
      case "N" -> assertEquals(ErrorKind.FORBIDDEN, kind(action));
      case "H" -> assertEquals(ErrorKind.NOT_FOUND, kind(action));
      default -> throw new IllegalArgumentException(expected);
    }
  }

  private static ErrorKind kind(Runnable action) {
    return assertThrows(StorybankException.class, action::run).kind();
  }

  /** The failure's kind and message: what a client sees. */
  private static String failure(Runnable action) {
    StorybankException e = assertThrows(StorybankException.class, action::run);
    return e.kind() + ": " + e.getMessage();
  }

  @TestFactory
  List<DynamicTest> journalistsSeeOnlyWhatIsPublished() {
    return List.of(
        DynamicTest.dynamicTest(
            "a list holds only published translations",
            () -> {
              var page =
                  storybank
                      .stories()
                      .list(OWN, ListQuery.firstPage(200), Actor.user("u-journalist"));
              page.items()
                  .forEach(
                      s ->
                          s.translations()
                              .values()
                              .forEach(t -> assertEquals(TranslationStatus.PUBLISHED, t.status())));
              assertEquals(
                  true,
                  page.items().stream().anyMatch(s -> s.header().id().equals(published.get(OWN))));
              assertEquals(
                  false,
                  page.items().stream().anyMatch(s -> s.header().id().equals(draft.get(OWN))));
            }),
        DynamicTest.dynamicTest(
            "an edit awaiting review is not what a journalist reads",
            () -> {
              UUID id = storyIn(OWN, true);
              String live =
                  storybank
                      .stories()
                      .get(OWN, id, Actor.superAdmin())
                      .translations()
                      .get("vi")
                      .title();
              storybank
                  .stories()
                  .putTranslation(OWN, id, "vi", TestContent.text("Chưa duyệt"), null, ADMIN);
              assertEquals(
                  "Chưa duyệt",
                  storybank
                      .stories()
                      .get(OWN, id, Actor.user("u-editor"))
                      .translations()
                      .get("vi")
                      .title(),
                  "editors read the working text");

              var read =
                  storybank
                      .stories()
                      .get(OWN, id, Actor.user("u-journalist"))
                      .translations()
                      .get("vi");
              assertEquals(live, read.title());
              assertEquals(TranslationStatus.PUBLISHED, read.status());
              assertEquals(1L, read.revision());
              var listed =
                  storybank
                      .stories()
                      .list(OWN, ListQuery.firstPage(200), Actor.user("u-journalist"))
                      .items()
                      .stream()
                      .filter(s -> s.header().id().equals(id))
                      .findFirst()
                      .orElseThrow();
              assertEquals(live, listed.translations().get("vi").title());

              storybank.stories().review().act(OWN, id, "vi", WorkflowAction.PUBLISH, null, ADMIN);
              assertEquals(
                  "Chưa duyệt",
                  storybank
                      .stories()
                      .get(OWN, id, Actor.user("u-journalist"))
                      .translations()
                      .get("vi")
                      .title(),
                  "once published the edit is what journalists read");
            }),
        DynamicTest.dynamicTest(
            "an embargoed translation is not what a journalist reads",
            () -> {
              UUID id = storyIn(OWN, true);
              storybank
                  .stories()
                  .review()
                  .schedule(
                      OWN,
                      id,
                      "vi",
                      new ScheduleInput(null, null, Instant.now().plus(Duration.ofDays(1))),
                      ADMIN);
              assertEquals(
                  ErrorKind.NOT_FOUND,
                  kind(() -> storybank.stories().get(OWN, id, Actor.user("u-journalist"))));
              assertEquals(
                  false,
                  storybank
                      .stories()
                      .list(OWN, ListQuery.firstPage(200), Actor.user("u-journalist"))
                      .items()
                      .stream()
                      .anyMatch(s -> s.header().id().equals(id)));
            }),
        DynamicTest.dynamicTest(
            "a journalist's search matches the live text, never an edit or a hidden translation",
            () -> {
              UUID id = storyIn(OWN, true);
              String live =
                  storybank
                      .stories()
                      .get(OWN, id, Actor.superAdmin())
                      .translations()
                      .get("vi")
                      .title();
              storybank
                  .stories()
                  .putTranslation(OWN, id, "vi", TestContent.text("Sửa PENDINGEDIT"), null, ADMIN);
              storybank
                  .stories()
                  .putTranslation(
                      OWN, id, "en", TestContent.text("Draft UNPUBLISHEDEN"), null, ADMIN);
              assertEquals(List.of(id), found("PENDINGEDIT", "u-editor"), "editors search drafts");
              assertEquals(List.of(), found("PENDINGEDIT", "u-journalist"));
              assertEquals(List.of(), found("PENDINGED", "u-journalist"), "no letter by letter");
              assertEquals(List.of(), found("UNPUBLISHEDEN", "u-journalist"));
              assertEquals(
                  true, found(live, "u-journalist").contains(id), "the visible title finds it");
              assertEquals(
                  List.of(),
                  storybank
                      .stories()
                      .list(OWN, query(null, "en", null), Actor.user("u-journalist"))
                      .items()
                      .stream()
                      .filter(v -> v.header().id().equals(id))
                      .toList(),
                  "a locale filter matches live translations only");
              assertEquals(
                  List.of(id),
                  storybank
                      .stories()
                      .list(OWN, query(null, null, "en"), Actor.user("u-journalist"))
                      .items()
                      .stream()
                      .map(v -> v.header().id())
                      .filter(id::equals)
                      .toList(),
                  "for a journalist, a draft translation is still missing");

              storybank
                  .stories()
                  .review()
                  .schedule(
                      OWN,
                      id,
                      "vi",
                      new ScheduleInput(null, null, Instant.now().plus(Duration.ofDays(1))),
                      ADMIN);
              storybank.stories().review().act(OWN, id, "vi", WorkflowAction.PUBLISH, null, ADMIN);
              assertEquals(
                  List.of(), found("PENDINGEDIT", "u-journalist"), "embargoed: nothing to find");
            }));
  }

  private static List<UUID> found(String q, String actor) {
    return storybank.stories().list(OWN, query(q, null, null), Actor.user(actor)).items().stream()
        .map(v -> v.header().id())
        .toList();
  }

  private static ListQuery query(String q, String locale, String missing) {
    return new ListQuery(
        null, null, null, null, null, null, null, locale, missing, null, q, null, null, 200, null);
  }
}
