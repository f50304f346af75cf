package vn.storybank.search;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.Storybank;
import vn.storybank.core.entry.TranslationInput;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.media.MediaInput;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.story.StoryInput;
import vn.storybank.core.taxonomy.GeoPoint;
import vn.storybank.core.taxonomy.TermInput;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.tenant.TenantInput;
import vn.storybank.core.tenant.TenantInput.LocaleInput;
import vn.storybank.search.SearchRequest.Audience;

/** A core with a small multilingual tenant, and an index over it. */
final class SearchFixture implements AutoCloseable {
  static final String T = "search-test";
  static final vn.storybank.core.account.Actor ACTOR = vn.storybank.core.account.Actor.superAdmin();

  final Storybank core;
  final Path indexDir;
  final Clock clock;
  SearchIndex index;
  SearchService search;

  SearchFixture(DatabaseSettings database, Path indexDir) {
    this(database, indexDir, Clock.systemUTC());
  }

  SearchFixture(DatabaseSettings database, Path indexDir, Clock clock) {
    this.core = Storybank.start(database, clock);
    this.indexDir = indexDir;
    this.clock = clock;
    openIndex();
  }

  void openIndex() {
    SearchSettings d = SearchSettings.defaults(indexDir);
    // Two query threads whatever the machine: searching segments side by side is then tested.
    index =
        SearchIndex.open(
            core.changes(),
            core.snapshots(),
            new SearchSettings(
                d.directory(),
                d.ramBufferMb(),
                d.pollInterval(),
                d.commitInterval(),
                d.rebuildThreads(),
                2));
    search = new SearchService(index, clock);
  }

  void tenant() {
    core.tenants()
        .put(
            T,
            new TenantInput(
                Map.of("vi", "Thử tìm kiếm"),
                "vi",
                List.of(
                    new LocaleInput("vi", List.of()),
                    new LocaleInput("en", List.of("vi")),
                    new LocaleInput("zh-Hans", List.of("en", "vi")),
                    new LocaleInput("ko", List.of("en", "vi")),
                    new LocaleInput("ja", List.of("en", "vi")),
                    new LocaleInput("hnj", List.of("vi")),
                    new LocaleInput("blt-Tavt", List.of("vi"))),
                "Asia/Ho_Chi_Minh"),
            null,
            ACTOR);
    term(TermKind.PLACE, "lao-cai", "Tỉnh Lào Cai", null, new GeoPoint(22.48, 103.97));
    term(TermKind.PLACE, "sa-pa", "Phường Sa Pa", "lao-cai", new GeoPoint(22.3364, 103.8438));
    term(TermKind.PLACE, "bat-xat", "Xã Bát Xát", "lao-cai", new GeoPoint(22.53, 103.88));
    term(TermKind.TOPIC, "markets", "Chợ phiên vùng cao", null, null);
    term(TermKind.TOPIC, "rice-terraces", "Ruộng bậc thang", null, null);
    term(TermKind.ETHNIC_GROUP, "hmong", "Mông", null, null);
  }

  void term(TermKind kind, String code, String label, String parent, GeoPoint geo) {
    core.taxonomies()
        .create(
            T,
            kind,
            new TermInput(code, Map.of("vi", label), parent, null, geo, null, null),
            ACTOR);
  }

  /** A published story; translations given as locale → {title, summary, body}. */
  UUID story(String kind, List<String> places, List<String> topics, Map<String, String[]> texts) {
    return story(kind, places, topics, null, texts, TranslationStatus.PUBLISHED);
  }

  UUID story(
      String kind,
      List<String> places,
      List<String> topics,
      LocalDate eventDate,
      Map<String, String[]> texts,
      TranslationStatus status) {
    Map<String, TranslationInput> translations = new LinkedHashMap<>();
    texts.forEach((locale, t) -> translations.put(locale, text(t, status)));
    return core.stories()
        .create(
            T,
            new StoryInput(
                kind,
                List.of(),
                topics,
                places,
                List.of(),
                List.of(),
                eventDate,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                translations),
            ACTOR)
        .header()
        .id();
  }

  UUID media(String title, Instant rightsExpireAt, boolean peopleWithoutConsent) {
    return media(
        text(new String[] {title, null, null}, TranslationStatus.PUBLISHED),
        rightsExpireAt,
        peopleWithoutConsent);
  }

  UUID media(TranslationInput vi, Instant rightsExpireAt, boolean peopleWithoutConsent) {
    return core.media()
        .create(
            T,
            new MediaInput(
                "photo",
                "Photographer",
                null,
                "CC BY 4.0",
                null,
                peopleWithoutConsent,
                false,
                rightsExpireAt,
                null,
                List.of(),
                null,
                null,
                List.of("sa-pa"),
                List.of(),
                List.of(),
                Map.of("vi", vi)),
            ACTOR)
        .header()
        .id();
  }

  static TranslationInput text(String[] t, TranslationStatus status) {
    return new TranslationInput(
        t[0],
        null,
        t.length > 1 ? t[1] : null,
        t.length > 2 && t[2] != null ? "<p>" + t[2] + "</p>" : null,
        null,
        null,
        null,
        List.of(),
        null,
        null,
        status,
        null);
  }

  static Map<String, String[]> vi(String title, String summary, String body) {
    return Map.of("vi", new String[] {title, summary, body});
  }

  SearchResult editor(String q) {
    return search(Audience.EDITOR, q, null, Map.of());
  }

  SearchResult search(
      Audience audience, String q, String locale, Map<Facet, List<String>> filters) {
    return search.search(
        new SearchRequest(
            T, audience, q, locale, filters, null, null, null, null, null, false, false, null, 0,
            20));
  }

  static List<String> titles(SearchResult result) {
    List<String> titles = new ArrayList<>();
    result.hits().forEach(h -> titles.add(h.title()));
    return titles;
  }

  @Override
  public void close() {
    index.close();
    core.close();
  }
}
