package vn.storybank.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.Storybank;
import vn.storybank.core.entry.TranslationInput;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.entry.WorkflowAction;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.partner.PartnerInput;
import vn.storybank.core.partner.PartnerService;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestContent;

/**
 * Accounts, memberships, tokens, sign-in throttling and the audit log, on each database Storybank
 * supports.
 */
abstract class AccountsContract {
  static final Actor ADMIN = Actor.superAdmin();
  static final String T = TestContent.TENANT;
  static final String PASSWORD = "mây trắng Sa Pa 2026";

  @TempDir Path dir;
  Storybank storybank;

  abstract DatabaseSettings database(Path dir);

  @BeforeEach
  void start() {
    storybank = Storybank.start(database(dir), Clock.systemUTC());
    TestContent.laoCai(storybank);
  }

  @AfterEach
  void stop() {
    Origin.clear();
    storybank.close();
  }

  private void member(String user, String role, List<String> locales) {
    storybank.users().createUser(new UserInput(user, PASSWORD, null), ADMIN);
    storybank.members().putMember(T, user, new MemberInput(List.of(role), locales), ADMIN);
  }

  /** The live-revision match of a journalist's list is a query of its own: checked per database. */
  @Test
  void aJournalistsListSearchMatchesTheLiveTextOnly() {
    member("bao", "journalist", List.of());
    UUID id =
        storybank
            .stories()
            .create(T, TestContent.story("destination", "Chợ phiên Bắc Hà"), ADMIN)
            .header()
            .id();
    storybank.stories().review().act(T, id, "vi", WorkflowAction.PUBLISH, null, ADMIN);
    storybank
        .stories()
        .putTranslation(T, id, "vi", TestContent.text("Chợ PENDINGEDIT"), null, ADMIN);
    assertEquals(List.of(), listed("pendingedit", Actor.user("bao")));
    assertEquals(List.of(id), listed("pendingedit", ADMIN));
    assertEquals(List.of(id), listed("bắc hà", Actor.user("bao")));
    var inDraft =
        new vn.storybank.core.entry.ListQuery(
            null,
            null,
            null,
            null,
            null,
            null,
            TranslationStatus.DRAFT,
            null,
            null,
            null,
            "bắc hà",
            null,
            null,
            50,
            null);
    assertEquals(
        List.of(),
        storybank.stories().list(T, inDraft, Actor.user("bao")).items(),
        "the working text's status is not a journalist's filter");
    storybank.stories().review().act(T, id, "vi", WorkflowAction.PUBLISH, null, ADMIN);
    assertEquals(
        List.of(id),
        listed("pendingedit", Actor.user("bao")),
        "published, the edit is the live text");
  }

  private List<UUID> listed(String q, Actor actor) {
    var query =
        new vn.storybank.core.entry.ListQuery(
            null, null, null, null, null, null, null, "vi", null, null, q, null, null, 50, null);
    return storybank.stories().list(T, query, actor).items().stream()
        .map(v -> v.header().id())
        .toList();
  }

  @Test
  void passwordPolicyRefusesShortGuessableOnes() {
    for (String bad : List.of("short", "mai-anh-12345", "aaaaaaaaaaaaaaaa", "abababababababab")) {
      StorybankException e =
          assertThrows(
              StorybankException.class,
              () -> storybank.users().createUser(new UserInput("mai-anh", bad, null), ADMIN));
      assertEquals("password", e.fieldErrors().get(0).field(), bad);
    }
    UserView created =
        storybank.users().createUser(new UserInput("Mai-Anh", PASSWORD, "Mai Anh"), ADMIN);
    assertEquals("mai-anh", created.username());
    assertTrue(storybank.signIn().authenticate("mai-anh", PASSWORD));
    assertFalse(storybank.signIn().authenticate("mai-anh", PASSWORD + "x"));
    assertEquals(
        ErrorKind.CONFLICT,
        assertThrows(
                StorybankException.class,
                () -> storybank.users().createUser(new UserInput("mai-anh", PASSWORD, null), ADMIN))
            .kind());
  }

  @Test
  void onePersonHoldsDifferentRolesInSeveralTenants() {
    storybank.tenants().put("thai-nguyen", RoleMatrixIT.tenantInput(), null, ADMIN);
    member("lan", "translator", List.of("EN"));
    storybank
        .members()
        .putMember("thai-nguyen", "lan", new MemberInput(List.of("editor"), null), ADMIN);
    UserView me = storybank.users().me(Actor.user("lan"));
    assertEquals(2, me.memberships().size());
    assertEquals(List.of("en"), me.memberships().get(0).locales(), "canonical tag");
    assertEquals(List.of("editor"), me.memberships().get(1).roles());
    StorybankException noLocales =
        assertThrows(
            StorybankException.class,
            () ->
                storybank
                    .members()
                    .putMember(T, "lan", new MemberInput(List.of("translator"), null), ADMIN));
    assertEquals("locales", noLocales.fieldErrors().get(0).field());
    assertEquals(
        "roles[0]",
        assertThrows(
                StorybankException.class,
                () ->
                    storybank
                        .members()
                        .putMember(T, "lan", new MemberInput(List.of("owner"), null), ADMIN))
            .fieldErrors()
            .get(0)
            .field());
  }

  @Test
  void aTranslatorCannotPublishThroughTheTranslationBody() {
    member("lan", "translator", List.of("en"));
    UUID id =
        storybank
            .stories()
            .create(T, TestContent.story("destination", "Sa Pa"), ADMIN)
            .header()
            .id();
    TranslationInput base = TestContent.text("Sa Pa in spring");
    TranslationInput publishing =
        new TranslationInput(
            base.title(),
            null,
            base.summary(),
            base.body(),
            null,
            null,
            null,
            List.of(),
            null,
            null,
            TranslationStatus.PUBLISHED,
            null);
    assertEquals(
        ErrorKind.FORBIDDEN,
        assertThrows(
                StorybankException.class,
                () ->
                    storybank
                        .stories()
                        .putTranslation(T, id, "en", publishing, null, Actor.user("lan")))
            .kind());
    storybank.stories().putTranslation(T, id, "en", base, null, Actor.user("lan"));
    assertEquals(
        TranslationStatus.DRAFT,
        storybank.stories().get(T, id, Actor.superAdmin()).translations().get("en").status());
  }

  @Test
  void tokensAreShownOnceStoredHashedAndRevocable() {
    member("script-bot", "editor", List.of());
    IssuedToken issued =
        storybank
            .tokens()
            .issueToken(new TokenInput("nightly import", null), Actor.user("script-bot"));
    assertTrue(issued.secret().startsWith("sbt_"));
    assertEquals(
        "script-bot",
        storybank.signIn().authenticateToken(issued.secret()).orElseThrow(),
        "token works");
    assertTrue(storybank.signIn().authenticateToken(issued.secret() + "x").isEmpty());
    String stored =
        storybank
            .database()
            .entityManagerFactory()
            .createEntityManager()
            .createQuery("select t.secretHash from ApiToken t", String.class)
            .getSingleResult();
    assertFalse(stored.contains(issued.secret().substring(4)), "only a hash is stored");
    assertEquals(1, storybank.tokens().listTokens(Actor.user("script-bot")).size());
    assertEquals(
        ErrorKind.NOT_FOUND,
        assertThrows(
                StorybankException.class,
                () ->
                    storybank.tokens().revokeToken(issued.token().id(), Actor.user("someone-else")))
            .kind());
    storybank.tokens().revokeToken(issued.token().id(), Actor.user("script-bot"));
    assertTrue(storybank.signIn().authenticateToken(issued.secret()).isEmpty(), "revoked at once");
  }

  @Test
  void fiveFailuresForAUsernameThrottleIt() {
    storybank.users().createUser(new UserInput("mai-anh", PASSWORD, null), ADMIN);
    Origin.set("203.0.113.7");
    for (int i = 0; i < 5; i++) {
      assertFalse(storybank.signIn().authenticate("mai-anh", "wrong password " + i));
    }
    Throttled throttled =
        assertThrows(Throttled.class, () -> storybank.signIn().authenticate("mai-anh", PASSWORD));
    assertTrue(throttled.retryAfter().toMinutes() >= 14, throttled.retryAfter().toString());
    storybank.users().createUser(new UserInput("lan", PASSWORD, null), ADMIN);
    assertTrue(storybank.signIn().authenticate("lan", PASSWORD), "another user is not blocked");
  }

  @Test
  void wrongTokensAndSessionIdsFromAnAddressThrottleItLikeFailedSignIns() {
    member("cron-bot", "editor", List.of());
    IssuedToken valid =
        storybank.tokens().issueToken(new TokenInput("cron", null), Actor.user("cron-bot"));
    IssuedToken revoked =
        storybank.tokens().issueToken(new TokenInput("old", null), Actor.user("cron-bot"));
    storybank.tokens().revokeToken(revoked.token().id(), Actor.user("cron-bot"));

    Origin.set("198.51.100.23");
    for (int i = 0; i < 30; i++) {
      assertTrue(storybank.signIn().authenticateToken(revoked.secret()).isEmpty());
    }
    assertEquals(
        "cron-bot",
        storybank.signIn().authenticateToken(valid.secret()).orElseThrow(),
        "a revoked token is no guess: its holder had it, and its address stays open");

    Origin.set("203.0.113.41");
    for (int i = 0; i < 10; i++) {
      assertTrue(storybank.signIn().authenticateToken("sbt_guess" + i).isEmpty());
      assertTrue(storybank.sessions().sessionUser("guessed-session-" + i, null, false).isEmpty());
    }
    Throttled throttled =
        assertThrows(Throttled.class, () -> storybank.signIn().authenticateToken(valid.secret()));
    assertTrue(throttled.retryAfter().toMinutes() >= 14, throttled.retryAfter().toString());
    assertThrows(
        Throttled.class, () -> storybank.sessions().sessionUser("another-guess", null, false));
    assertThrows(Throttled.class, () -> storybank.signIn().authenticate("cron-bot", PASSWORD));

    Origin.set("192.0.2.8");
    assertEquals(
        "cron-bot",
        storybank.signIn().authenticateToken(valid.secret()).orElseThrow(),
        "other addresses are not blocked");
  }

  /**
   * Partner keys name no user either: a wrong one counts against its address in the same count as
   * wrong passwords, tokens and session ids, and a blocked address is refused before the key is
   * looked up.
   */
  @Test
  void wrongPartnerKeysFromAnAddressThrottleItLikeFailedSignIns() {
    member("cron-bot", "editor", List.of());
    PartnerService partners = storybank.partners();
    String valid = partners.create(T, new PartnerInput("Korea Tourism", null, 1000), ADMIN).key();
    PartnerService.Issued revoked =
        partners.create(T, new PartnerInput("Old partner", null, 1000), ADMIN);
    partners.revoke(T, revoked.partner().id(), ADMIN);

    Origin.set("198.51.100.24");
    for (int i = 0; i < 30; i++) {
      assertEquals(
          ErrorKind.UNAUTHORIZED, refusal(() -> partners.authorize(T, "en", revoked.key())));
    }
    assertEquals(
        T,
        partners.authorize(T, "en", valid).tenant(),
        "a revoked key is no guess: its holder had it, and its address stays open");

    Origin.set("203.0.113.42");
    String otherSecret = valid.substring(0, valid.length() - 3) + "xyz";
    for (int i = 0; i < 10; i++) {
      String unknown = "sbk_unknownprefx_" + "a".repeat(42) + i;
      assertEquals(ErrorKind.UNAUTHORIZED, refusal(() -> partners.authorize(T, "en", unknown)));
      assertEquals(ErrorKind.UNAUTHORIZED, refusal(() -> partners.authorize(T, "en", otherSecret)));
    }
    Throttled throttled = assertThrows(Throttled.class, () -> partners.authorize(T, "en", valid));
    assertTrue(throttled.retryAfter().toMinutes() >= 14, throttled.retryAfter().toString());
    assertThrows(Throttled.class, () -> storybank.signIn().authenticate("cron-bot", PASSWORD));
    assertThrows(Throttled.class, () -> storybank.signIn().authenticateToken("sbt_another-guess"));

    Origin.set("192.0.2.9");
    assertEquals(T, partners.authorize(T, "en", valid).tenant(), "other addresses are not blocked");
    Origin.set("192.0.2.10");
    for (int i = 0; i < 19; i++) {
      assertFalse(storybank.signIn().authenticate("nobody-" + i, "wrong password"));
    }
    refusal(() -> partners.authorize(T, "en", "not a key at all"));
    assertThrows(
        Throttled.class,
        () -> partners.authorize(T, "en", valid),
        "wrong passwords and keys add up: one count per address for every kind of secret");
  }

  private static ErrorKind refusal(Runnable call) {
    return assertThrows(StorybankException.class, call::run).kind();
  }

  @Test
  void auditLogRecordsWhoDidWhatAndTenantAdminsSeeOnlyTheirTenant() {
    storybank.tenants().put("thai-nguyen", RoleMatrixIT.tenantInput(), null, ADMIN);
    member("chi", "admin", List.of());
    Origin.set("198.51.100.4");
    UUID id =
        storybank
            .stories()
            .create(T, TestContent.story("destination", "Sa Pa"), Actor.user("chi"))
            .header()
            .id();
    storybank.stories().review().act(T, id, "vi", WorkflowAction.PUBLISH, null, Actor.user("chi"));
    storybank
        .stories()
        .review()
        .act(T, id, "vi", WorkflowAction.UNPUBLISH, null, Actor.user("chi"));
    storybank.stories().delete(T, id, null, Actor.user("chi"));
    UUID other =
        storybank
            .stories()
            .create("thai-nguyen", RoleMatrixIT.story("Hồ Núi Cốc"), ADMIN)
            .header()
            .id();
    storybank.stories().delete("thai-nguyen", other, null, ADMIN);

    var visible =
        storybank
            .auditTrail()
            .audit(null, null, null, null, null, null, 50, Actor.user("chi"))
            .items();
    // The tenant's rows, the set-up's included (its tenant and terms), never another tenant's.
    assertTrue(visible.stream().allMatch(r -> T.equals(r.tenant())), visible.toString());
    var mine = visible.stream().filter(r -> "chi".equals(r.user())).toList();
    assertEquals(
        List.of("delete", "unpublish", "publish", "create"),
        mine.stream().map(AuditView::action).toList());
    assertEquals("198.51.100.4", mine.get(0).address());
    assertEquals("chi", mine.get(0).user());
    assertEquals(
        ErrorKind.NOT_FOUND,
        assertThrows(
                StorybankException.class,
                () ->
                    storybank
                        .auditTrail()
                        .audit(null, null, "thai-nguyen", null, null, null, 50, Actor.user("chi")))
            .kind());

    var all = storybank.auditTrail().audit(null, "delete", null, null, null, null, 1, ADMIN);
    assertEquals(1, all.items().size());
    assertEquals("thai-nguyen", all.items().get(0).tenant());
    var next = storybank.auditTrail().audit(null, "delete", null, null, null, all.next(), 1, ADMIN);
    assertEquals(T, next.items().get(0).tenant());
    assertTrue(
        storybank
            .auditTrail()
            .audit(null, "user-created", null, null, null, null, 50, ADMIN)
            .items()
            .stream()
            .anyMatch(r -> "chi".equals(r.target())));
  }
}
