package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Walks every admin operation of the OpenAPI document the server serves, with real ids of one
 * tenant (Lào Cai): as the admin of another tenant (404 on every tenant operation, the same answer
 * as for a tenant that does not exist, and nothing changes), and as each role of the tenant (403
 * exactly where the role table of docs/API.md says so). The role table is data here: an operation
 * the document gains without an entry fails the walk, so no new route escapes it.
 */
@ExtendWith(EmbeddedServer.class)
class AdminPermissionsIT {
  private static final String T = "lao-cai";
  private static final String OTHER = "thai-nguyen";
  private static final String PASSWORD = "walk password 2026!";
  private static final String STALE = "\"987654321\"";
  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

  /** The roles of docs/API.md, one test user each in Lào Cai. */
  enum Role {
    ADMIN("admin", "[\"admin\"]"),
    EDITOR("editor", "[\"editor\"]"),
    TRANSLATOR("translator", "[\"translator\"],\"locales\":[\"en\"]"),
    APPROVER("approver", "[\"approver\"]"),
    MEDIA_LIBRARIAN("media-librarian", "[\"media-librarian\"]"),
    JOURNALIST("journalist", "[\"journalist\"]");

    final String code;
    final String membership;

    Role(String code, String membership) {
      this.code = code;
      this.membership = membership;
    }

    String user() {
      return "walk-" + code + "-" + RUN;
    }
  }

  private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
  private static final Set<Role> TEAM = EnumSet.complementOf(EnumSet.of(Role.JOURNALIST));
  private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
  private static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);
  private static final Set<Role> WRITERS = EnumSet.of(Role.ADMIN, Role.EDITOR);
  private static final Set<Role> REVIEWERS = EnumSet.of(Role.ADMIN, Role.APPROVER);
  private static final Set<Role> TRANSLATORS = EnumSet.of(Role.ADMIN, Role.EDITOR, Role.TRANSLATOR);
  private static final Set<Role> LIBRARY =
      EnumSet.of(Role.ADMIN, Role.EDITOR, Role.MEDIA_LIBRARIAN);
  private static final Set<Role> CHANGE_LOG = EnumSet.of(Role.ADMIN, Role.EDITOR, Role.APPROVER);

  private static final String E = "/api/admin/v1/{t}/";

  /** Who may call each operation of a tenant (docs/API.md, "People, roles and tokens"). */
  static Map<String, Set<Role>> roleTable() {
    Map<String, Set<Role>> table = new TreeMap<>();
    for (String type : List.of("stories", "products", "collections", "media")) {
      boolean media = type.equals("media");
      String base = E + type;
      String one = base + "/{id}";
      String translation = one + "/translations/{locale}";
      table.put("GET " + base, EVERYONE);
      table.put("POST " + base, media ? LIBRARY : WRITERS);
      table.put("GET " + one, EVERYONE);
      table.put("PATCH " + one, media ? LIBRARY : WRITERS);
      table.put("DELETE " + one, media ? LIBRARY : WRITERS);
      // Translators write media captions in their locales, as translations.
      Set<Role> translate = EnumSet.copyOf(TRANSLATORS);
      if (media) {
        translate.add(Role.MEDIA_LIBRARIAN);
      }
      table.put("PUT " + translation, translate);
      table.put("DELETE " + translation, media ? LIBRARY : WRITERS);
      table.put("POST " + translation + "/submit", translate);
      for (String review : List.of("approve", "reject", "publish", "unpublish")) {
        table.put("POST " + translation + "/" + review, REVIEWERS);
      }
      table.put("PUT " + translation + "/schedule", REVIEWERS);
      table.put("GET " + translation + "/staleness", TEAM);
      table.put("GET " + translation + "/approvals", TEAM);
      table.put("GET " + one + "/revisions", TEAM);
      table.put("GET " + one + "/revisions/{n}/diff", TEAM);
      table.put("POST " + one + "/revisions/{n}/restore", translate);
      // The read model shows embargoed texts: for the team, not for journalists.
      table.put("GET " + one + "/live", TEAM);
      table.put("GET " + one + "/comments", TEAM);
      table.put("POST " + one + "/comments", TEAM);
    }
    table.put("PUT " + E + "media/{id}/original", LIBRARY);
    // Previews show files that are not published: for the team, as the live read model is.
    table.put("GET " + E + "media/{id}/original", TEAM);
    table.put("GET " + E + "media/{id}/renditions/{preset}", TEAM);
    table.put("GET " + E + "media/rights-expiring", TEAM);
    // Lists draft entries: for the team, as reading drafts is.
    table.put("GET " + E + "media/{id}/usages", TEAM);
    String terms = E + "taxonomies/{kind}/terms";
    table.put("GET " + terms, EVERYONE);
    table.put("POST " + terms, WRITERS);
    table.put("GET " + terms + "/{term}", EVERYONE);
    table.put("PATCH " + terms + "/{term}", WRITERS);
    table.put("DELETE " + terms + "/{term}", WRITERS);
    table.put("GET " + E + "tasks", TEAM);
    // Those who may write a translation's body may see what its sanitiser keeps.
    table.put("POST " + E + "html/clean", TRANSLATORS);
    table.put("GET " + E + "translations/dashboard", TEAM);
    table.put("GET " + E + "brand-kit", TEAM);
    table.put("PUT " + E + "brand-kit", ADMIN);
    table.put("GET " + E + "workflow-settings", EVERYONE);
    table.put("PUT " + E + "workflow-settings", ADMIN);
    table.put("GET " + E + "changes", CHANGE_LOG);
    table.put("POST " + E + "import", ADMIN);
    table.put("GET " + E + "export", ADMIN);
    table.put("GET " + E + "search", TEAM);
    table.put("GET " + E + "search/suggest", TEAM);
    table.put("GET " + E + "search/related/{id}", TEAM);
    for (String settings : List.of("channels", "webhooks", "partners")) {
      table.put("GET " + E + settings, settings.equals("channels") ? TEAM : ADMIN);
      table.put("POST " + E + settings, ADMIN);
    }
    table.put("GET " + E + "channels/{c}", TEAM);
    table.put("PUT " + E + "channels/{c}", ADMIN);
    table.put("DELETE " + E + "channels/{c}", ADMIN);
    table.put("GET " + E + "webhooks/{id}", ADMIN);
    table.put("DELETE " + E + "webhooks/{id}", ADMIN);
    table.put("GET " + E + "webhooks/{id}/messages", ADMIN);
    table.put("POST " + E + "webhooks/{id}/messages/{messageId}/replay", ADMIN);
    table.put("GET " + E + "partners/usage", ADMIN);
    table.put("GET " + E + "partners/{id}", ADMIN);
    table.put("DELETE " + E + "partners/{id}", ADMIN);
    table.put("GET " + E + "members", ADMIN);
    for (String method : List.of("GET", "PUT", "DELETE")) {
      table.put(method + " " + E + "members/{username}", ADMIN);
    }
    // The tenant itself, and a tenant route outside {t}: the tenant is named in the query.
    table.put("GET /api/admin/v1/{t}", EVERYONE);
    table.put("PUT /api/admin/v1/{t}", ADMIN);
    table.put("GET /api/admin/v1/audit", ADMIN);
    table.put("GET /api/admin/v1/audit.csv", ADMIN);
    return table;
  }

  /**
   * Operations about no tenant, with who of the walk may call them. The other tenant's admin is a
   * tenant admin too, so may what tenant admins may.
   */
  static Map<String, Set<Role>> globalTable() {
    Map<String, Set<Role>> table = new TreeMap<>();
    table.put("GET /api/admin/v1/tenants", EVERYONE);
    table.put("GET /api/admin/v1/users", ADMIN);
    table.put("POST /api/admin/v1/users", ADMIN);
    table.put("PUT /api/admin/v1/users/{username}/password", NOBODY);
    table.put("GET /api/admin/v1/search/index", NOBODY);
    table.put("POST /api/admin/v1/search/index/rebuild", NOBODY);
    return table;
  }

  /** The caller's own account and session: the same for every role, covered by SecurityApiIT. */
  private static final Set<String> ABOUT_THE_CALLER =
      Set.of(
          "GET /api/admin/v1/me",
          "PUT /api/admin/v1/me/password",
          "GET /api/admin/v1/me/tokens",
          "POST /api/admin/v1/me/tokens",
          "DELETE /api/admin/v1/me/tokens/{id}",
          "POST /api/admin/v1/session",
          "DELETE /api/admin/v1/session");

  private static Api admin;
  private static Api outsider;
  private static final Map<Role, Api> members = new LinkedHashMap<>();
  private static final Map<String, String> ids = new LinkedHashMap<>();
  private static List<String> operations;

  @BeforeAll
  static void fixtures(PayaraServer server) throws Exception {
    admin = Api.admin(server);
    for (Role role : Role.values()) {
      createUser(role.user());
      ok(
          admin.put(
              "api/admin/v1/" + T + "/members/" + role.user(),
              "{\"roles\":" + role.membership + "}"));
      members.put(role, admin.as(role.user(), PASSWORD));
    }
    String stranger = "walk-outsider-" + RUN;
    createUser(stranger);
    ok(admin.put("api/admin/v1/" + OTHER + "/members/" + stranger, "{\"roles\":[\"admin\"]}"));
    outsider = admin.as(stranger, PASSWORD);
    String victim = "walk-victim-" + RUN;
    createUser(victim);
    ok(admin.put("api/admin/v1/" + T + "/members/" + victim, "{\"roles\":[\"journalist\"]}"));
    ids.put("username", victim);

    String base = "api/admin/v1/" + T + "/";
    String en = "\"en\":{\"title\":\"Walk " + RUN + " en\"}";
    ids.put(
        "stories",
        created(
            admin.post(
                base + "stories",
                "{\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\"Walk "
                    + RUN
                    + "\"},"
                    + en
                    + "}}")));
    ids.put(
        "products",
        created(
            admin.post(
                base + "products",
                "{\"productGroup\":\"food\",\"producer\":{\"name\":\"HTX\",\"kind\":\"cooperative\"},"
                    + "\"commune\":\"sa-pa\",\"ocop\":{\"stars\":4,\"year\":2024},"
                    + "\"translations\":{\"vi\":{\"title\":\"Walk "
                    + RUN
                    + "\"},"
                    + en
                    + "}}")));
    ids.put(
        "media",
        created(
            admin.post(
                base + "media",
                "{\"mediaType\":\"photo\",\"translations\":{\"vi\":{\"caption\":\"Walk\"},"
                    + "\"en\":{\"caption\":\"Walk\"}}}")));
    // A file, so that the previews have something to show.
    ok(
        admin.sendBytes(
            "PUT",
            base + "media/" + ids.get("media") + "/original",
            "image/png",
            vn.storybank.core.media.TestMedia.png(8, 8)));
    ids.put(
        "collections",
        created(
            admin.post(
                base + "collections",
                "{\"purpose\":\"press-kit\",\"items\":[\""
                    + ids.get("products")
                    + "\"],\"translations\":{\"vi\":{\"title\":\"Walk "
                    + RUN
                    + "\"},"
                    + en
                    + "}}")));
    for (String type : List.of("stories", "products", "media", "collections")) {
      String translation = base + type + "/" + ids.get(type) + "/translations/";
      ok(admin.post(translation + "vi/publish", null));
      ok(admin.post(translation + "en/publish", null));
    }
    String term = "walk-term-" + RUN;
    ok(
        admin.post(
            base + "taxonomies/places/terms",
            "{\"code\":\"" + term + "\",\"labels\":{\"vi\":\"Walk\"},\"parent\":\"lao-cai\"}"));
    ids.put("term", term);
    String channel = admin.get(base + "channels").json().at("/items/0/code").asText();
    ids.put("c", channel);
    ids.put(
        "webhooks",
        admin
            .post(
                base + "webhooks",
                "{\"channel\":\""
                    + channel
                    + "\",\"url\":\"http://127.0.0.1:9/walk\",\"events\":[\"deleted\"]}")
            .json()
            .get("id")
            .asText());
    Api.Reply partner =
        admin.post(
            base + "partners",
            "{\"name\":\"Walk " + RUN + "\",\"channels\":[\"" + channel + "\"]}");
    assertEquals(201, partner.status(), partner.toString());
    ids.put("partners", partner.json().at("/partner/id").asText());
    ok(
        admin.post(
            base + "stories/" + ids.get("stories") + "/comments", "{\"body\":\"A walk comment\"}"));

    Api.Reply served = admin.anonymous().get("openapi");
    assertEquals(200, served.status(), served.toString());
    JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(served.body());
    operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      if (!path.getKey().startsWith("/api/admin/")) {
        continue;
      }
      for (Iterator<String> names = path.getValue().fieldNames(); names.hasNext(); ) {
        String verb = names.next();
        if (Set.of("get", "post", "put", "patch", "delete").contains(verb)) {
          operations.add(verb.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    // Deletions last: a permitted one may take away what later operations need.
    operations.sort(java.util.Comparator.comparing(op -> op.startsWith("DELETE ")));
    assertTrue(operations.size() > 100, operations.toString());
  }

  @Test
  void everyAdminOperationHasAnEntryInTheRoleTable() {
    List<String> missing = new ArrayList<>();
    for (String op : operations) {
      if (!roleTable().containsKey(op)
          && !globalTable().containsKey(op)
          && !ABOUT_THE_CALLER.contains(op)) {
        missing.add(op + " has no expected roles");
      }
    }
    assertEquals(List.of(), missing);
    Set<String> stale = new java.util.TreeSet<>(roleTable().keySet());
    stale.addAll(globalTable().keySet());
    operations.forEach(stale::remove);
    assertEquals(Set.of(), stale, "role table entries for operations the API no longer has");
  }

  @Test
  void aMemberOfAnotherTenantGetsTheNotFoundOfATenantThatDoesNotExist() {
    String before = fingerprint();
    List<String> wrong = new ArrayList<>();
    for (String op : operations) {
      if (!roleTable().containsKey(op)) {
        continue;
      }
      Api.Reply reply = call(outsider, op, T);
      Api.Reply nowhere = call(outsider, op, "no-such-tenant");
      if (reply.status() != 404) {
        wrong.add(op + " -> " + reply);
      } else if (!reply
          .body()
          .replace(T, "?")
          .equals(nowhere.body().replace("no-such-tenant", "?"))) {
        wrong.add(op + " -> " + reply + " differs from a missing tenant's " + nowhere);
      }
    }
    assertEquals(List.of(), wrong, "operations that answer a non-member other than 404");
    assertEquals(before, fingerprint(), "a non-member's requests changed the tenant");
  }

  /** A locale the tenant lacks must not tell a non-member which locales it has. */
  @Test
  void aNonMemberLearnsNothingFromALocaleTheTenantLacks() {
    List<String> wrong = new ArrayList<>();
    for (String op : operations) {
      if (roleTable().containsKey(op) && op.contains("{locale}")) {
        String unknown = op.replace("{locale}", "xx");
        Api.Reply reply = call(outsider, unknown, T);
        if (reply.status() != 404) {
          wrong.add(op + " -> " + reply);
        }
      }
    }
    assertEquals(List.of(), wrong, "operations that answer a non-member other than 404");
  }

  @Test
  void anotherTenantsAdminCannotReachThisTenantsRecordsThroughTheirOwnTenant() {
    List<String> wrong = new ArrayList<>();
    for (String op : operations) {
      if (roleTable().containsKey(op) && op.contains("{id}")) {
        Api.Reply reply = call(outsider, op, OTHER);
        if (reply.status() != 404) {
          wrong.add(op + " -> " + reply);
        }
      }
    }
    assertEquals(List.of(), wrong, "operations that reach a record of another tenant");
  }

  @Test
  void eachRoleIsRefusedExactlyWhereTheRoleTableSays() {
    Map<String, Set<Role>> table = new TreeMap<>(roleTable());
    table.putAll(globalTable());
    String before = fingerprint();
    List<String> wrong = new ArrayList<>();
    // First every refusal, then check that none of them changed anything.
    for (String op : operations) {
      Set<Role> allowed = table.get(op);
      if (allowed == null) {
        continue;
      }
      for (Role role : EnumSet.complementOf(EnumSet.copyOf(allowed))) {
        Api.Reply reply = call(members.get(role), op, T);
        if (reply.status() != 403) {
          wrong.add(role.code + ": " + op + " -> " + reply + " (expected 403)");
        }
      }
    }
    assertEquals(before, fingerprint(), "refused requests changed the tenant");
    Map<Integer, Integer> outcomes = new TreeMap<>();
    for (String op : operations) {
      Set<Role> allowed = table.get(op);
      if (allowed == null) {
        continue;
      }
      for (Role role : allowed) {
        Api.Reply reply = call(members.get(role), op, T);
        boolean read = op.startsWith("GET ");
        // A permitted read of real records succeeds; a permitted write may still be refused for
        // what it says (a stale If-Match, a state it cannot leave), but never for who sends it.
        if (read ? reply.status() / 100 != 2 : reply.status() == 403 || reply.status() >= 500) {
          wrong.add(role.code + ": " + op + " -> " + reply + " (the role may)");
        }
        outcomes.merge(reply.status(), 1, Integer::sum);
      }
    }
    assertEquals(List.of(), wrong);
    // Most permitted calls do what they ask: the walk's bodies and ids are real ones.
    int done =
        outcomes.entrySet().stream()
            .filter(e -> e.getKey() / 100 == 2)
            .mapToInt(Map.Entry::getValue)
            .sum();
    int all = outcomes.values().stream().mapToInt(Integer::intValue).sum();
    assertTrue(done * 3 > all * 2, "permitted calls by status: " + outcomes);
  }

  @Test
  void globalOperationsAnswerTheOtherTenantsAdminAsATenantAdmin() {
    List<String> wrong = new ArrayList<>();
    for (var op : globalTable().entrySet()) {
      Api.Reply reply = call(outsider, op.getKey(), T);
      boolean refused = reply.status() == 403;
      if (refused == op.getValue().contains(Role.ADMIN) || reply.status() >= 500) {
        wrong.add(op.getKey() + " -> " + reply);
      }
    }
    assertEquals(List.of(), wrong);
    JsonNode tenants = outsider.get("api/admin/v1/tenants").json().get("items");
    assertFalse(tenants.toString().contains("\"" + T + "\""), tenants.toString());
    JsonNode users = outsider.get("api/admin/v1/users").json().get("items");
    assertFalse(
        users.toString().contains("\"tenant\":\"" + T + "\""),
        "another tenant's admin sees no Lào Cai memberships: " + users);
  }

  @Test
  void aTenantAdminCannotChangeOrRemoveTheSuperAdminsRoles() {
    Api tenantAdmin = members.get(Role.ADMIN);
    String path = "api/admin/v1/" + T + "/members/admin";
    Api.Reply before = admin.get(path);
    Api.Reply changed = tenantAdmin.put(path, "{\"roles\":[\"journalist\"]}");
    assertEquals(403, changed.status(), changed.toString());
    Api.Reply removed = tenantAdmin.delete(path, null);
    assertEquals(403, removed.status(), removed.toString());
    assertEquals(before.body(), admin.get(path).body());
  }

  // ---------------------------------------------------------------- calls

  private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

  /** Calls one operation of the document with the fixture's ids and a body it accepts. */
  private static Api.Reply call(Api api, String op, String tenant) {
    String method = op.substring(0, op.indexOf(' '));
    String template = op.substring(op.indexOf(' ') + 1);
    Matcher m = PARAM.matcher(template);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(path, Matcher.quoteReplacement(value(m.group(1), template, tenant)));
    }
    m.appendTail(path);
    path.deleteCharAt(0); // relative to the server's base
    String query = query(template, tenant);
    String uri = path + (query.isEmpty() ? "" : "?" + query);
    String ifMatch = Set.of("PATCH", "DELETE", "PUT").contains(method) ? STALE : null;
    if (template.endsWith("/original") && method.equals("PUT")) {
      return api.send(method, uri, "image/png", "not a png", ifMatch);
    }
    if (template.endsWith("/import")) {
      return api.send(method, uri, "application/x-ndjson", "", null);
    }
    String body = body(method, template);
    return api.send(
        method,
        uri,
        body == null
            ? null
            : method.equals("PATCH") ? "application/merge-patch+json" : "application/json",
        body,
        ifMatch);
  }

  private static String value(String name, String template, String tenant) {
    return switch (name) {
      case "t" -> tenant;
      case "code" -> tenant;
      case "locale" -> "en";
      case "n" -> "1";
      case "preset" -> "thumb";
      case "kind" -> "places";
      case "messageId" -> UUID.randomUUID().toString();
      case "username" -> template.contains("/users/") ? ids.get("username") : ids.get(name);
      case "id" -> {
        for (String kind :
            List.of("stories", "products", "media", "collections", "webhooks", "partners")) {
          if (template.contains("/" + kind + "/{id}")) {
            yield ids.get(kind);
          }
        }
        if (template.contains("/related/")) {
          yield ids.get("stories");
        }
        throw new AssertionError("no fixture for {id} in " + template);
      }
      default -> {
        String id = ids.get(name);
        if (id == null) {
          throw new AssertionError("no fixture for {" + name + "} in " + template);
        }
        yield id;
      }
    };
  }

  private static String query(String template, String tenant) {
    if (template.contains("/revisions/{n}/diff")) {
      return "locale=en&against=1";
    }
    if (template.contains("/revisions")) {
      return "locale=en";
    }
    if (template.endsWith("/changes")) {
      return "after=0&limit=1";
    }
    if (template.endsWith("/search") || template.endsWith("/suggest")) {
      return "q=walk";
    }
    if (template.endsWith("/translations/dashboard")) {
      return "locale=en";
    }
    if (template.startsWith("/api/admin/v1/audit")) {
      return "tenant=" + tenant;
    }
    return "";
  }

  private static String body(String method, String template) {
    if (method.equals("GET") || method.equals("DELETE")) {
      return null;
    }
    if (method.equals("PATCH")) {
      return "{}";
    }
    String type = template.replaceFirst("^/api/admin/v1/\\{t}/([a-z-]+).*$", "$1");
    if (template.endsWith("/{locale}")) {
      return type.equals("media") ? "{\"caption\":\"Walk\"}" : "{\"title\":\"Walk en\"}";
    }
    if (template.endsWith("/schedule")) {
      return "{}";
    }
    if (template.endsWith("/html/clean")) {
      return "{\"html\":\"<p class=\\\"MsoNormal\\\">Walk</p>\"}";
    }
    if (template.endsWith("/comments")) {
      return "{\"body\":\"A walk comment\"}";
    }
    if (template.matches(".*/translations/\\{locale}/\\w+$") || template.endsWith("/restore")) {
      return null;
    }
    if (template.equals(E + "stories")) {
      return "{\"kind\":\"destination\",\"translations\":{\"vi\":{\"title\":\"Walk new\"}}}";
    }
    if (template.equals(E + "products")) {
      return "{\"productGroup\":\"food\",\"producer\":{\"name\":\"HTX\",\"kind\":\"cooperative\"},"
          + "\"commune\":\"sa-pa\",\"ocop\":{\"stars\":4,\"year\":2024},"
          + "\"translations\":{\"vi\":{\"title\":\"Walk new\"}}}";
    }
    if (template.equals(E + "media")) {
      return "{\"mediaType\":\"photo\",\"translations\":{\"vi\":{\"caption\":\"Walk new\"}}}";
    }
    if (template.equals(E + "collections")) {
      return "{\"purpose\":\"press-kit\",\"items\":[],\"translations\":{\"vi\":{\"title\":\"Walk"
          + " new\"}}}";
    }
    if (template.endsWith("/terms")) {
      return "{\"code\":\"walk-new-"
          + RUN
          + "\",\"labels\":{\"vi\":\"Walk\"},\"parent\":\"lao-cai\"}";
    }
    String channel =
        "\"name\":\"Walk\",\"access\":\"key\",\"locales\":[{\"tag\":\"vi\"}],"
            + "\"formats\":[\"jsonfeed\"]}";
    if (template.endsWith("/channels")) {
      return "{\"code\":\"walk-" + RUN + "\"," + channel;
    }
    if (template.endsWith("/channels/{c}")) {
      return "{" + channel;
    }
    if (template.endsWith("/webhooks")) {
      return "{\"channel\":\""
          + ids.get("c")
          + "\",\"url\":\"http://127.0.0.1:9/walk-new\",\"events\":[\"deleted\"]}";
    }
    if (template.endsWith("/partners")) {
      return "{\"name\":\"Walk new " + RUN + "\",\"channels\":[\"" + ids.get("c") + "\"]}";
    }
    if (template.endsWith("/members/{username}")) {
      return "{\"roles\":[\"journalist\"]}";
    }
    if (template.endsWith("/users")) {
      return "{\"username\":\"walk-new-" + RUN + "\",\"password\":\"short\"}";
    }
    if (template.endsWith("/password")) {
      return "{\"newPassword\":\"short\"}";
    }
    if (template.endsWith("/workflow-settings")) {
      return admin.get("api/admin/v1/" + T + "/workflow-settings").body();
    }
    if (template.endsWith("/brand-kit")) {
      return admin.get("api/admin/v1/" + T + "/brand-kit").body();
    }
    if (template.equals("/api/admin/v1/{t}")) {
      return "{\"names\":{\"vi\":\"Lào Cai\"},\"sourceLocale\":\"vi\","
          + "\"locales\":[{\"tag\":\"vi\"}],\"timeZone\":\"Asia/Ho_Chi_Minh\"}";
    }
    return "{}";
  }

  /** What a forbidden request must not change: the tenant's content, settings and people. */
  private static String fingerprint() {
    StringBuilder all = new StringBuilder();
    String base = "api/admin/v1/" + T + "/";
    for (String path :
        List.of(
            base + "export",
            base + "members",
            base + "channels",
            base + "webhooks",
            base + "partners",
            base + "workflow-settings",
            base + "brand-kit",
            "api/admin/v1/" + T,
            "api/admin/v1/users",
            base + "stories/" + ids.get("stories") + "/comments")) {
      Api.Reply reply = admin.get(path);
      assertEquals(200, reply.status(), path + " " + reply);
      all.append(reply.body()).append('\n');
    }
    return all.toString();
  }

  // ---------------------------------------------------------------- fixtures

  private static void createUser(String user) {
    Api.Reply created =
        admin.post(
            "api/admin/v1/users",
            "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
    assertEquals(201, created.status(), created.toString());
  }

  private static void ok(Api.Reply reply) {
    assertTrue(reply.status() / 100 == 2, reply.toString());
  }

  private static String created(Api.Reply reply) {
    assertEquals(201, reply.status(), reply.toString());
    return reply.json().get("id").asText();
  }
}
