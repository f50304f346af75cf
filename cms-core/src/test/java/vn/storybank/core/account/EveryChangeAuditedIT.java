package vn.storybank.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.Storybank;
import vn.storybank.core.channel.ChannelInput;
import vn.storybank.core.channel.ChannelService;
import vn.storybank.core.entry.EntryService;
import vn.storybank.core.entry.ReviewSteps;
import vn.storybank.core.entry.Revisions;
import vn.storybank.core.entry.ScheduleInput;
import vn.storybank.core.entry.WorkflowAction;
import vn.storybank.core.media.BrandKitService;
import vn.storybank.core.partner.PartnerInput;
import vn.storybank.core.partner.PartnerService;
import vn.storybank.core.taxonomy.TaxonomyService;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.tenant.TenantInput;
import vn.storybank.core.tenant.TenantInput.LocaleInput;
import vn.storybank.core.tenant.TenantService;
import vn.storybank.core.testing.TestClock;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;
import vn.storybank.core.transfer.TransferService;
import vn.storybank.core.webhook.SubscriptionInput;
import vn.storybank.core.webhook.WebhookService;
import vn.storybank.core.webhook.WebhookSettings;
import vn.storybank.core.webhook.Webhooks;
import vn.storybank.core.workflow.SettingsView;
import vn.storybank.core.workflow.WorkflowService;

/**
 * Every state change is in the audit log with its actor: each call below, one per mutating service
 * method, leaves exactly one row naming the action, the target and who acted (the scheduler as
 * itself). {@link #everyMutatingServiceMethodIsExercisedHere} fails when a service gains a mutating
 * method that this table does not call.
 */
class EveryChangeAuditedIT {
  private static final String T = TestContent.TENANT;
  private static final Actor ADMIN = Actor.superAdmin();
  private static final Actor EDITOR = Actor.user("lan");
  private static final Actor REVIEWER = Actor.user("minh");
  private static final String PASSWORD = "correct horse battery staple";

  /**
   * The services whose public methods change state; a method whose name starts with one of these
   * verbs is mutating.
   */
  private static final List<Class<?>> SERVICES =
      List.of(
          TenantService.class,
          ChannelService.class,
          TaxonomyService.class,
          EntryService.class,
          ReviewSteps.class,
          Revisions.class,
          WorkflowService.class,
          WebhookService.class,
          PartnerService.class,
          BrandKitService.class,
          TransferService.class,
          Users.class,
          Members.class,
          Tokens.class,
          PasswordChanges.class,
          Sessions.class);

  private static final Pattern MUTATING =
      Pattern.compile(
          "(create|put|patch|delete|upsert|act|schedule|restore|comment|disable|replay|revoke"
              + "|import|replace|remove|end|change|reset|issue|upload)([A-Z]\\w*)?");

  /**
   * Mutating methods audited elsewhere, each with the reason: the in-transaction variants an import
   * calls (its one row is TransferService's) and what another test audits.
   */
  private static final Map<String, String> ELSEWHERE =
      Map.ofEntries(
          Map.entry(
              "TenantService.put(EntityManager)",
              "the body of TenantService.put, which this test calls"),
          Map.entry(
              "ChannelService.put(EntityManager)",
              "the body of ChannelService.put, which this test calls"),
          Map.entry("TaxonomyService.upsert(EntityManager)", "an import's terms: the import's row"),
          Map.entry("EntryService.create(WriteContext)", "an import's entries: the import's row"),
          Map.entry("EntryService.replace(WriteContext)", "an import's entries: the import's row"),
          Map.entry(
              "ReviewSteps.act(WriteContext)", "the scheduler's steps: run below through runDue"),
          Map.entry("PasswordChanges.changePassword", "SecurityApiIT checks its row"),
          Map.entry("PasswordChanges.resetPassword", "SecurityApiIT checks its row"),
          Map.entry("TransferService.importResource", "the demo content: importNdjson's path"),
          Map.entry(
              "WebhookService.replay", "audited as webhook-replayed; it needs a sent message"),
          Map.entry(
              "BrandKitService.put",
              "a change needs an uploaded logo: BrandKitPosterChannelsIT checks its row"));

  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.parse("2026-12-01T08:00:00Z"));
  Storybank storybank;
  Webhooks webhooks;
  final Set<String> exercised = new TreeSet<>();

  @BeforeEach
  void start() {
    storybank = Storybank.start(TestDatabases.h2(dir), clock);
    TestContent.laoCai(storybank);
    webhooks =
        new Webhooks(
            storybank.database().transactions(),
            storybank.sync(),
            clock,
            new WebhookSettings(
                Duration.ofMillis(50), Duration.ofSeconds(5), true, "https://cms.example.org"));
  }

  @AfterEach
  void stop() {
    webhooks.close();
    storybank.close();
  }

  /** One call: the service method it exercises and the one row it must leave. */
  private AuditView expect(
      String method, String action, Actor actor, String target, Supplier<?> call) {
    long before = lastSeq();
    call.get();
    exercised.add(method);
    List<AuditView> rows = since(before);
    assertEquals(1, rows.size(), method + " left " + rows);
    AuditView row = rows.get(0);
    assertEquals(action, row.action(), method + ": " + row);
    assertEquals(actor.recordedName(), row.user(), method + ": " + row);
    assertTrue(
        target.isEmpty() || (row.target() != null && row.target().contains(target)),
        method + " names " + target + ": " + row);
    return row;
  }

  @Test
  void everyStateChangeLeavesOneRowWithItsActor() {
    Users users = storybank.users();
    Members members = storybank.members();
    expect(
        "Users.createUser",
        AuditLog.USER_CREATED,
        ADMIN,
        "lan",
        () -> users.createUser(new UserInput("lan", PASSWORD, null), ADMIN));
    users.createUser(new UserInput("minh", PASSWORD, null), ADMIN);
    members.putMember(T, "minh", new MemberInput(List.of("approver", "editor"), null), ADMIN);
    expect(
        "Members.putMember",
        AuditLog.ROLES_CHANGED,
        ADMIN,
        "lan",
        () -> members.putMember(T, "lan", new MemberInput(List.of("editor"), null), ADMIN));

    // Tenant settings: the locales and their fallbacks are in the row's detail.
    TenantService tenants = storybank.tenants();
    AuditView settings =
        expect(
            "TenantService.put",
            AuditLog.TENANT_SETTINGS_CHANGED,
            ADMIN,
            T,
            () ->
                tenants.put(
                    T,
                    new TenantInput(
                        Map.of("vi", "Lào Cai", "en", "Lao Cai"),
                        "vi",
                        List.of(
                            new LocaleInput("vi", List.of()),
                            new LocaleInput("en", List.of()),
                            new LocaleInput("zh-Hans", List.of("en", "vi")),
                            new LocaleInput("hnj", List.of("vi")),
                            new LocaleInput("ko", List.of("en"))),
                        "Asia/Ho_Chi_Minh"),
                    null,
                    ADMIN));
    assertTrue(settings.detail().contains("locales added [ko]"), settings.detail());
    assertTrue(settings.detail().contains("fallbacks of en [vi] -> []"), settings.detail());
    expect(
        "WorkflowService.putSettings",
        AuditLog.REVIEW_RULES_CHANGED,
        ADMIN,
        "review rules",
        () -> storybank.workflow().putSettings(T, new SettingsView(List.of(), false), ADMIN));

    ChannelService channels = storybank.channels();
    ChannelInput channel =
        new ChannelInput(
            "Portal",
            "public",
            List.of(new ChannelInput.LocaleInput("vi", null, false)),
            null,
            null,
            null);
    expect(
        "ChannelService.put",
        AuditLog.CHANNEL_CREATED,
        ADMIN,
        "portal",
        () -> channels.put(T, "portal", channel, null, ADMIN));
    expect(
        "ChannelService.put",
        AuditLog.CHANNEL_CHANGED,
        ADMIN,
        "portal",
        () -> channels.put(T, "portal", channel, 0L, ADMIN));

    TaxonomyService taxonomies = storybank.taxonomies();
    expect(
        "TaxonomyService.create",
        AuditLog.TERM_CREATED,
        ADMIN,
        "topics markets",
        () ->
            taxonomies.create(
                T, TermKind.TOPIC, TestContent.term("markets", "Chợ phiên", null, null), ADMIN));
    expect(
        "TaxonomyService.patch",
        AuditLog.TERM_CHANGED,
        ADMIN,
        "topics markets",
        () ->
            taxonomies.patch(
                T,
                TermKind.TOPIC,
                "markets",
                vn.storybank.core.json.Json.mapper().createObjectNode().put("adminCode", "M1"),
                null,
                ADMIN));

    // An entry's life: every write and every review step, by the editor, the reviewer and the
    // scheduler.
    var stories = storybank.stories();
    UUID id =
        stories
            .create(T, TestContent.story("festival-event", "Chợ phiên Bắc Hà"), EDITOR)
            .header()
            .id();
    exercised.add("EntryService.create");
    assertEquals(
        AuditLog.CREATE, since(lastSeq() - 1).get(0).action(), "the create is the newest row");
    String story = "story " + id;
    expect(
        "EntryService.patch",
        AuditLog.UPDATE,
        EDITOR,
        story,
        () ->
            stories.patch(
                T,
                id,
                vn.storybank.core.json.Json.mapper()
                    .createObjectNode()
                    .put("kind", "cultural-heritage"),
                null,
                EDITOR));
    expect(
        "EntryService.putTranslation",
        AuditLog.UPDATE,
        EDITOR,
        story + " en",
        () -> stories.putTranslation(T, id, "en", TestContent.text("Bac Ha market"), null, EDITOR));
    expect(
        "EntryService.deleteTranslation",
        AuditLog.UPDATE,
        EDITOR,
        story + " en",
        () -> stories.deleteTranslation(T, id, "en", null, EDITOR));
    expect(
        "WorkflowService.comment",
        AuditLog.COMMENT_ADDED,
        EDITOR,
        story,
        () -> storybank.workflow().comment(T, "story", id, "vi", "Ready soon", EDITOR));
    ReviewSteps<?, ?> review = stories.review();
    expect(
        "ReviewSteps.act",
        AuditLog.SUBMIT,
        EDITOR,
        story + " vi",
        () -> review.act(T, id, "vi", WorkflowAction.SUBMIT, null, EDITOR));
    AuditView rejected =
        expect(
            "ReviewSteps.act",
            AuditLog.REJECT,
            REVIEWER,
            story + " vi",
            () -> review.act(T, id, "vi", WorkflowAction.REJECT, "Name the market day", REVIEWER));
    assertTrue(rejected.detail().contains("Name the market day"), rejected.detail());
    review.act(T, id, "vi", WorkflowAction.SUBMIT, null, EDITOR);
    expect(
        "ReviewSteps.act",
        AuditLog.APPROVE,
        REVIEWER,
        story + " vi",
        () -> review.act(T, id, "vi", WorkflowAction.APPROVE, null, REVIEWER));
    Instant soon = clock.instant().plus(Duration.ofMinutes(5));
    Instant later = soon.plus(Duration.ofHours(1));
    expect(
        "ReviewSteps.schedule",
        AuditLog.SCHEDULE_CHANGED,
        REVIEWER,
        story + " vi",
        () -> review.schedule(T, id, "vi", new ScheduleInput(soon, later, null), REVIEWER));
    clock.advance(Duration.ofMinutes(6));
    expect(
        "Scheduler.runDue (publish)",
        AuditLog.PUBLISH,
        Actor.SCHEDULER,
        story + " vi",
        () -> storybank.scheduler().runDue());
    clock.advance(Duration.ofHours(1));
    expect(
        "Scheduler.runDue (unpublish)",
        AuditLog.UNPUBLISH,
        Actor.SCHEDULER,
        story + " vi",
        () -> storybank.scheduler().runDue());
    stories.putTranslation(T, id, "vi", TestContent.text("Chợ phiên Bắc Hà (sửa)"), null, EDITOR);
    expect(
        "Revisions.restore",
        AuditLog.UPDATE,
        EDITOR,
        story + " vi",
        () -> stories.revisions().restore(T, id, "vi", 1, EDITOR));
    expect(
        "EntryService.delete",
        AuditLog.DELETE,
        ADMIN,
        story,
        () -> {
          stories.delete(T, id, null, ADMIN);
          return null;
        });
    expect(
        "TaxonomyService.delete",
        AuditLog.TERM_DELETED,
        ADMIN,
        "topics markets",
        () -> {
          taxonomies.delete(T, TermKind.TOPIC, "markets", null, ADMIN);
          return null;
        });

    // What hangs off a channel: webhooks and partner keys.
    WebhookService hooks = webhooks.service();
    String hook =
        hooks
            .create(T, new SubscriptionInput("portal", "http://127.0.0.1:9/hook", null), ADMIN)
            .subscription()
            .id()
            .toString();
    exercised.add("WebhookService.create");
    assertEquals(AuditLog.WEBHOOK_CREATED, since(lastSeq() - 1).get(0).action());
    expect(
        "WebhookService.disable",
        AuditLog.WEBHOOK_DISABLED,
        ADMIN,
        "webhook " + hook,
        () -> hooks.disable(T, hook, "paused", ADMIN));
    expect(
        "WebhookService.delete",
        AuditLog.WEBHOOK_DELETED,
        ADMIN,
        "webhook " + hook,
        () -> {
          hooks.delete(T, hook, ADMIN);
          return null;
        });
    PartnerService partners = storybank.partners();
    AtomicReference<UUID> partner = new AtomicReference<>();
    expect(
        "PartnerService.create",
        AuditLog.TOKEN_ISSUED,
        ADMIN,
        "",
        () -> {
          var issued =
              partners.create(T, new PartnerInput("Portal", List.of("portal"), null), ADMIN);
          partner.set(issued.partner().id());
          return issued;
        });
    expect(
        "PartnerService.revoke",
        AuditLog.TOKEN_REVOKED,
        ADMIN,
        partner.get().toString(),
        () -> {
          partners.revoke(T, partner.get(), ADMIN);
          return null;
        });
    expect(
        "ChannelService.delete",
        AuditLog.CHANNEL_DELETED,
        ADMIN,
        "portal",
        () -> {
          channels.delete(T, "portal", null, ADMIN);
          return null;
        });

    // An import is one row, however many entries it writes.
    String ndjson =
        "{\"type\":\"story\",\"id\":\""
            + UUID.randomUUID()
            + "\",\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\"Y Tý\"}}}\n";
    expect(
        "TransferService.importNdjson",
        AuditLog.IMPORT,
        ADMIN,
        "import",
        () ->
            storybank
                .transfer()
                .importNdjson(
                    T,
                    new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)),
                    true,
                    ADMIN));

    // Accounts: tokens, sessions, removal.
    Tokens tokens = storybank.tokens();
    AtomicReference<UUID> token = new AtomicReference<>();
    expect(
        "Tokens.issueToken",
        AuditLog.TOKEN_ISSUED,
        EDITOR,
        "",
        () -> {
          IssuedToken issued = tokens.issueToken(new TokenInput("ci", null), EDITOR);
          token.set(issued.token().id());
          return issued;
        });
    UUID tokenId = token.get();
    expect(
        "Tokens.revokeToken",
        AuditLog.TOKEN_REVOKED,
        EDITOR,
        tokenId.toString(),
        () -> tokens.revokeToken(tokenId, EDITOR));
    Sessions sessions = storybank.sessions();
    AtomicReference<String> secret = new AtomicReference<>();
    expect(
        "Sessions.startSession",
        AuditLog.LOGIN,
        EDITOR,
        "",
        () -> {
          secret.set(sessions.startSession("lan", PASSWORD).orElseThrow().secret());
          return null;
        });
    expect(
        "Sessions.endSession",
        AuditLog.LOGOUT,
        EDITOR,
        "lan",
        () -> {
          sessions.endSession(secret.get());
          return null;
        });
    expect(
        "Members.removeMember",
        AuditLog.MEMBER_REMOVED,
        ADMIN,
        "lan",
        () -> {
          members.removeMember(T, "lan", ADMIN);
          return null;
        });
  }

  /** The table above calls every mutating method of every service, or says where it is audited. */
  @Test
  void everyMutatingServiceMethodIsExercisedHere() {
    Set<String> mutating = new TreeSet<>();
    for (Class<?> service : SERVICES) {
      for (Method m : service.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers())
            && !Modifier.isStatic(m.getModifiers())
            && MUTATING.matcher(m.getName()).matches()) {
          Class<?>[] params = m.getParameterTypes();
          String first = params.length == 0 ? "" : params[0].getSimpleName();
          String name = service.getSimpleName() + "." + m.getName();
          boolean inTransaction = first.equals("EntityManager") || first.equals("WriteContext");
          mutating.add(inTransaction ? name + "(" + first + ")" : name);
        }
      }
    }
    Set<String> covered = new TreeSet<>(ELSEWHERE.keySet());
    covered.addAll(EXERCISED);
    List<String> missing = new ArrayList<>(mutating);
    missing.removeAll(covered);
    assertEquals(List.of(), missing, "mutating service methods no audit test calls");
  }

  /** What everyStateChangeLeavesOneRowWithItsActor calls (kept in step with it by hand). */
  private static final Set<String> EXERCISED =
      Set.of(
          "Users.createUser",
          "Members.putMember",
          "Members.removeMember",
          "TenantService.put",
          "WorkflowService.putSettings",
          "WorkflowService.comment",
          "ChannelService.put",
          "ChannelService.delete",
          "TaxonomyService.create",
          "TaxonomyService.patch",
          "TaxonomyService.delete",
          "EntryService.create",
          "EntryService.patch",
          "EntryService.putTranslation",
          "EntryService.deleteTranslation",
          "EntryService.delete",
          "ReviewSteps.act",
          "ReviewSteps.schedule",
          "Revisions.restore",
          "WebhookService.create",
          "WebhookService.disable",
          "WebhookService.delete",
          "PartnerService.create",
          "PartnerService.revoke",
          "TransferService.importNdjson",
          "Tokens.issueToken",
          "Tokens.revokeToken",
          "Sessions.startSession",
          "Sessions.endSession");

  private long lastSeq() {
    List<AuditView> newest = find(null, 1);
    return newest.isEmpty() ? 0 : newest.get(0).seq();
  }

  private List<AuditView> since(long seq) {
    return find(seq, 1000).stream().filter(r -> r.seq() > seq).toList();
  }

  private List<AuditView> find(Long after, int limit) {
    List<AuditView> rows =
        storybank
            .database()
            .transactions()
            .read(
                em ->
                    AuditLog.find(
                        em, new AuditLog.Query(null, null, null, null, null, null, null, limit)));
    return rows.size() > limit ? rows.subList(0, limit) : rows;
  }
}
