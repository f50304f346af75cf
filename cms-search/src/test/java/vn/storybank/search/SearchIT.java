package vn.storybank.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.search.SearchFixture.T;
import static vn.storybank.search.SearchFixture.titles;
import static vn.storybank.search.SearchFixture.vi;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.entry.ScheduleInput;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.testing.TestClock;
import vn.storybank.core.testing.TestDatabases;
import vn.storybank.search.SearchRequest.Audience;
import vn.storybank.search.SearchResult.FacetValue;
import vn.storybank.search.SearchResult.Hit;

/** Search over a real core on H2 and a real Lucene index on disk. */
class SearchIT {
  @TempDir Path dir;
  SearchFixture f;

  @BeforeEach
  void start() {
    f = new SearchFixture(TestDatabases.h2(dir.resolve("db")), dir.resolve("index"));
    f.tenant();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void typingWithoutDiacriticsFindsVietnameseAndMarksTheWords() {
    f.story(
        "destination",
        List.of("sa-pa"),
        List.of(),
        vi(
            "Chợ phiên Lào Cai",
            "Phiên chợ cuối tuần ở Lào Cai.",
            "Người Mông xuống chợ từ sáng sớm."));
    f.story(
        "destination",
        List.of("sa-pa"),
        List.of(),
        vi("Đỉnh Fansipan", "Nóc nhà Đông Dương.", "Cáp treo đưa du khách lên đỉnh."));
    f.index.catchUp();

    SearchResult result = f.editor("lao cai");
    assertEquals(List.of("Chợ phiên Lào Cai"), titles(result));
    assertTrue(
        result.hits().get(0).snippet().contains("<mark>Lào</mark> <mark>Cai</mark>"),
        result.hits().get(0).snippet());
    assertEquals(List.of("Đỉnh Fansipan"), titles(f.editor("dinh fansipan")));
    assertEquals(List.of("Đỉnh Fansipan"), titles(f.editor("ĐỈNH")));
  }

  @Test
  void snippetsShowTheTextNotTheTagsThatAlsoMatched() {
    // Tagged with the place "Phường Sa Pa": its label is searched with the summary.
    f.story(
        "destination",
        List.of("sa-pa"),
        List.of(),
        vi("Mùa mây", "Mây trắng phủ kín thung lũng.", "Sớm mai ở Sa Pa, mây trôi qua phố."));
    f.story(
        "destination",
        List.of("sa-pa"),
        List.of(),
        vi("Ruộng bậc thang", "Lúa chín vàng trên sườn núi.", "Người Mông gặt lúa."));
    f.index.catchUp();

    SearchResult result = f.editor("sa pa");
    assertEquals(List.of("Mùa mây", "Ruộng bậc thang"), titles(result), "the body's words first");
    assertEquals(
        "Sớm mai ở <mark>Sa</mark> <mark>Pa</mark>, mây trôi qua phố.",
        result.hits().get(0).snippet(),
        "from the body, where the words are in the text");
    assertEquals(
        "Lúa chín vàng trên sườn núi.",
        result.hits().get(1).snippet(),
        "found by its place's label alone: the summary's beginning, not the label");
  }

  @Test
  void segmentsSearchedSideBySideGiveTheWholeCountsAndTheBestHits() {
    for (int i = 0; i < 8; i++) {
      f.story(
          i % 2 == 0 ? "destination" : "festival-event",
          List.of("sa-pa"),
          List.of(),
          vi("Chợ phiên số " + i, null, "Người Mông xuống chợ" + " chợ".repeat(i) + "."));
      f.index.catchUp(); // each its own segment
    }
    int slices = f.index.withSearcher(searcher -> searcher.getSlices().length);
    assertTrue(slices > 1, "the test needs segments in more than one slice, had " + slices);

    SearchResult result = f.editor("chợ");
    assertEquals(8, result.total());
    assertEquals(
        List.of(
            new FacetValue("destination", "destination", 4, null),
            new FacetValue("festival-event", "festival-event", 4, null)),
        result.facets().get("kind"));
    assertEquals("Chợ phiên số 7", result.hits().get(0).title(), "most matches first");
  }

  @Test
  void queryOperatorsWork() {
    f.story(
        "destination", List.of(), List.of(), vi("Chợ phiên Bắc Hà", null, "Chợ họp sáng Chủ nhật"));
    f.story("destination", List.of(), List.of(), vi("Chợ Cốc Ly", null, "Chợ họp sáng thứ Ba"));
    f.story("destination", List.of(), List.of(), vi("Bắc Hà mùa hoa mận", null, "Hoa mận trắng"));
    f.index.catchUp();

    assertEquals(List.of("Chợ Cốc Ly"), titles(f.editor("cho -\"bac ha\"")));
    assertEquals(2, f.editor("\"bac ha\"").total());
    assertEquals(3, f.editor("cho | man").total());
    assertEquals(List.of("Bắc Hà mùa hoa mận"), titles(f.editor("mậ*")));
    assertEquals(3, f.editor("*").total(), "a lone star lists everything");
  }

  @Test
  void hostileQueriesGetResultsOrAClearError() {
    f.story("destination", List.of(), List.of(), vi("Chợ phiên", null, null));
    f.index.catchUp();

    for (String q :
        List.of(
            "\"unbalanced",
            "-",
            "|||",
            "* * *",
            "\u0000\u0007cho\u001b",
            "\uD800",
            "((()))",
            "a*",
            "***cho***",
            "-\"",
            "\"\"",
            "cho~2^3",
            "title:cho",
            "\\")) {
      f.editor(q);
    }
    // The most words of 16 letters that fit, finding nothing, in every language: the relaxed
    // pass (typos, words cut in two) must stay within Lucene's clause limit.
    StringBuilder longWords = new StringBuilder();
    for (int i = 0; i < 29; i++) {
      longWords
          .append("khongtimthayxy")
          .append((char) ('a' + i % 26))
          .append((char) ('a' + i / 26));
      longWords.append(' ');
    }
    assertEquals(0, f.editor(longWords.toString().strip()).total());
    StorybankException tooLong =
        assertThrows(StorybankException.class, () -> f.editor("chợ ".repeat(300)));
    assertEquals(ErrorKind.INVALID, tooLong.kind());
    StorybankException tooMany =
        assertThrows(
            StorybankException.class,
            () ->
                f.editor(
                    "a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg hh"));
    assertEquals(ErrorKind.INVALID, tooMany.kind());
  }

  @Test
  void tenThousandRandomQueriesNeverFailUnexpectedly() {
    f.story(
        "destination", List.of(), List.of(), vi("Chợ phiên Lào Cai", "Tóm tắt", "Nội dung dài"));
    f.index.catchUp();
    Random random = new Random(42);
    String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạ\"'-|*~^:()[]{}\\/ \t\n\u0000\u200b梯田논ꪁ😀";
    int invalid = 0;
    for (int i = 0; i < 10_000; i++) {
      StringBuilder q = new StringBuilder();
      int length = random.nextInt(i % 100 == 0 ? 600 : 40);
      for (int c = 0; c < length; c++) {
        q.append(
            random.nextInt(20) == 0
                ? (char) random.nextInt(0xFFFF)
                : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      try {
        f.editor(q.toString());
      } catch (StorybankException e) {
        assertEquals(ErrorKind.INVALID, e.kind(), q.toString());
        invalid++;
      }
    }
    assertTrue(invalid < 500, "only over-long or over-busy queries are refused: " + invalid);
  }

  @Test
  void facetsCountAndMultiSelectKeepsTheOtherValues() {
    f.story(
        "destination",
        List.of("sa-pa"),
        List.of("markets"),
        LocalDate.of(2024, 5, 1),
        vi("Một", null, null),
        TranslationStatus.PUBLISHED);
    f.story(
        "destination",
        List.of("bat-xat"),
        List.of("markets"),
        LocalDate.of(2025, 5, 1),
        vi("Hai", null, null),
        TranslationStatus.PUBLISHED);
    f.story(
        "festival-event",
        List.of("sa-pa"),
        List.of("rice-terraces"),
        LocalDate.of(2025, 9, 1),
        vi("Ba", null, null),
        TranslationStatus.PUBLISHED);
    f.index.catchUp();

    SearchResult all = f.editor(null);
    assertEquals(3, all.total());
    assertEquals(
        List.of(
            new FacetValue("destination", "destination", 2, null),
            new FacetValue("festival-event", "festival-event", 1, null)),
        all.facets().get("kind"));
    List<FacetValue> places = all.facets().get("place");
    assertTrue(
        places.contains(new FacetValue("lao-cai", "Tỉnh Lào Cai", 3, null)), places.toString());
    assertTrue(
        places.contains(new FacetValue("sa-pa", "Phường Sa Pa", 2, "lao-cai")), places.toString());
    assertEquals(
        List.of(new FacetValue("2025", "2025", 2, null), new FacetValue("2024", "2024", 1, null)),
        all.facets().get("year"));

    SearchResult destinations =
        f.search(Audience.EDITOR, null, null, Map.of(Facet.KIND, List.of("destination")));
    assertEquals(2, destinations.total());
    // The kind facet still shows festival, for a second selection; the others narrow.
    assertEquals(2, destinations.facets().get("kind").size());
    assertEquals(
        List.of(new FacetValue("markets", "Chợ phiên vùng cao", 2, null)),
        destinations.facets().get("topic"));

    SearchResult both =
        f.search(
            Audience.EDITOR,
            null,
            null,
            Map.of(
                Facet.KIND,
                List.of("destination", "festival-event"),
                Facet.PLACE,
                List.of("sa-pa")));
    assertEquals(
        List.of("Một", "Ba"),
        titles(both).stream().sorted((a, b) -> a.equals("Một") ? -1 : 1).toList());
  }

  @Test
  void editorsDrillDownByLocaleAndStillSeeTheOtherLocales() {
    f.story(
        "destination",
        List.of(),
        List.of(),
        Map.of(
            "vi", new String[] {"Chợ phiên Bắc Hà", null, null},
            "en", new String[] {"Bac Ha Sunday market", null, null}));
    f.story("destination", List.of(), List.of(), vi("Mận Bắc Hà", null, null));
    f.story("destination", List.of(), List.of(), vi("Chợ Cốc Ly", null, null));
    f.index.catchUp();

    SearchResult english = f.search(Audience.EDITOR, "bac ha", "en", Map.of());
    assertEquals(List.of("Bac Ha Sunday market"), titles(english));
    assertEquals(
        List.of(new FacetValue("vi", "vi", 2, null), new FacetValue("en", "en", 1, null)),
        english.facets().get("locale"),
        "the other locale's matches stay countable, found in its own language's fields");

    SearchResult both =
        f.search(Audience.EDITOR, "bac ha", null, Map.of(Facet.LOCALE, List.of("en", "vi")));
    assertEquals(3, both.total());
    assertThrows(
        StorybankException.class,
        () -> f.search(Audience.EDITOR, null, null, Map.of(Facet.LOCALE, List.of("fr"))));
  }

  @Test
  void filtersByDateGeoAndMedia() {
    f.story(
        "destination",
        List.of("sa-pa"),
        List.of(),
        LocalDate.of(2024, 1, 1),
        vi("Sa Pa", null, null),
        TranslationStatus.PUBLISHED);
    f.story(
        "destination",
        List.of("bat-xat"),
        List.of(),
        LocalDate.of(2025, 1, 1),
        vi("Bát Xát", null, null),
        TranslationStatus.PUBLISHED);
    f.index.catchUp();

    var base =
        new SearchRequest(
            T,
            Audience.EDITOR,
            null,
            null,
            Map.of(),
            LocalDate.of(2024, 6, 1),
            null,
            null,
            null,
            null,
            false,
            false,
            null,
            0,
            20);
    assertEquals(List.of("Bát Xát"), titles(f.search.search(base)));
    var near =
        new SearchRequest(
            T,
            Audience.EDITOR,
            null,
            null,
            Map.of(),
            null,
            null,
            new SearchRequest.GeoRadius(22.34, 103.84, 5),
            null,
            null,
            false,
            false,
            null,
            0,
            20);
    assertEquals(List.of("Sa Pa"), titles(f.search.search(near)));
    var box =
        new SearchRequest(
            T,
            Audience.EDITOR,
            null,
            null,
            Map.of(),
            null,
            null,
            null,
            new SearchRequest.BoundingBox(22.5, 103.8, 22.6, 104.0),
            null,
            false,
            false,
            null,
            0,
            20);
    assertEquals(List.of("Bát Xát"), titles(f.search.search(box)));
    var withMedia =
        new SearchRequest(
            T,
            Audience.EDITOR,
            null,
            null,
            Map.of(),
            null,
            null,
            null,
            null,
            true,
            false,
            false,
            null,
            0,
            20);
    assertEquals(0, f.search.search(withMedia).total());
  }

  @Test
  void thePublicSeesPublishedRightsValidEntriesOncePerEntryInTheirLocale() {
    f.story(
        "destination",
        List.of(),
        List.of(),
        Map.of(
            "vi",
            new String[] {"Cầu Kính Rồng Mây", null, null},
            "en",
            new String[] {"Rong May glass bridge", null, null}));
    f.story(
        "destination",
        List.of(),
        List.of(),
        Map.of("vi", new String[] {"Cột cờ Lũng Cú", null, null}));
    f.story(
        "destination",
        List.of(),
        List.of(),
        null,
        vi("Bản nháp cầu mới", null, null),
        TranslationStatus.DRAFT);
    f.media("Ảnh cầu hết hạn", Instant.now().minus(1, ChronoUnit.DAYS), false);
    f.media("Ảnh cầu không đồng ý", null, true);
    f.media("Ảnh cầu hợp lệ", Instant.now().plus(30, ChronoUnit.DAYS), false);
    f.index.catchUp();

    SearchResult en = f.search(Audience.PUBLIC, null, "en", Map.of());
    assertEquals(3, en.total(), titles(en).toString());
    Hit bridge =
        en.hits().stream()
            .filter(h -> h.title().equals("Rong May glass bridge"))
            .findFirst()
            .orElseThrow();
    assertFalse(bridge.fallback());
    Hit flag =
        en.hits().stream()
            .filter(h -> h.title().equals("Cột cờ Lũng Cú"))
            .findFirst()
            .orElseThrow();
    assertTrue(flag.fallback());
    assertEquals("vi", flag.locale());
    assertEquals(
        List.of("Ảnh cầu hợp lệ"), titles(f.search(Audience.PUBLIC, "anh cau", "vi", Map.of())));
    assertEquals(
        5,
        f.search(Audience.EDITOR, "cau", "vi", Map.of()).total(),
        "editors see drafts and every media asset");
    assertThrows(StorybankException.class, () -> f.search(Audience.PUBLIC, null, "fr", Map.of()));
  }

  @Test
  void thePublicSearchesTheLiveRevisionWhileEditorsSearchTheWorkingText() {
    UUID id =
        f.story(
            "destination",
            List.of(),
            List.of(),
            vi("Chợ phiên Cán Cấu", "Họp ngày thứ Bảy.", "Bán ngựa, vải thổ cẩm."));
    UUID other =
        f.story(
            "destination",
            List.of(),
            List.of(),
            vi("Chợ phiên Bắc Hà", null, "Bán ngựa, vải thổ cẩm, rượu ngô."));
    f.index.catchUp();
    f.core
        .stories()
        .putTranslation(
            T,
            id,
            "vi",
            SearchFixture.text(
                new String[] {"Thác Trắng mùa lũ", "Nước đổ xối xả.", "Bán ngựa, vải thổ cẩm."},
                TranslationStatus.DRAFT),
            null,
            SearchFixture.ACTOR);
    f.index.catchUp();

    SearchResult old = f.search(Audience.PUBLIC, "thu bay", "vi", Map.of());
    assertEquals(List.of("Chợ phiên Cán Cấu"), titles(old), "the live summary still matches");
    assertTrue(old.hits().get(0).snippet().contains("<mark>thứ</mark> <mark>Bảy</mark>"));
    assertEquals(0, f.search(Audience.PUBLIC, "thac trang", "vi", Map.of()).total());
    assertEquals(0, f.search(Audience.PUBLIC, "xoi xa", "vi", Map.of()).total());
    assertEquals(
        0, f.search(Audience.PUBLIC, "trắng", "en", Map.of()).total(), "nor through a fallback");
    assertEquals(
        List.of("Chợ phiên Cán Cấu"),
        f.search.suggest(T, Audience.PUBLIC, "cho phien can", null, 10).stream()
            .filter(s -> s.source().equals("entry"))
            .map(Suggestion::text)
            .toList());
    assertTrue(f.search.suggest(T, Audience.PUBLIC, "thac tr", null, 10).isEmpty());
    List<Hit> related = f.search.related(T, Audience.PUBLIC, other, null, "story", 5);
    assertEquals(List.of("Chợ phiên Cán Cấu"), related.stream().map(Hit::title).toList());
    assertEquals(
        2,
        f.search(Audience.PUBLIC, null, "vi", Map.of()).total(),
        "one public document per entry");

    assertEquals(List.of("Thác Trắng mùa lũ"), titles(f.editor("thac trang")));
    assertEquals(0, f.editor("thu bay").total());
    assertEquals(2, f.editor(null).total(), "one editor document per entry");
    assertEquals(
        List.of("Thác Trắng mùa lũ"),
        f.search.suggest(T, Audience.EDITOR, "thac tr", null, 10).stream()
            .map(Suggestion::text)
            .toList());

    f.core
        .stories()
        .putTranslation(
            T,
            id,
            "vi",
            SearchFixture.text(
                new String[] {"Thác Trắng mùa lũ", "Nước đổ xối xả.", "Bán ngựa, vải thổ cẩm."},
                TranslationStatus.PUBLISHED),
            null,
            SearchFixture.ACTOR);
    f.index.catchUp();
    assertEquals(
        List.of("Thác Trắng mùa lũ"),
        titles(f.search(Audience.PUBLIC, "thac trang", "vi", Map.of())));
    assertEquals(0, f.search(Audience.PUBLIC, "thu bay", "vi", Map.of()).total());
    assertEquals(0, f.search(Audience.PUBLIC, "can cau", "vi", Map.of()).total());
    assertEquals(IndexContents.expected(f.core), IndexContents.indexed(f.index));
  }

  @Test
  void anEmbargoedTranslationAppearsPubliclyWhenTheEmbargoEndsWithoutAnEdit() {
    f.close();
    TestClock clock = new TestClock(Instant.parse("2026-06-01T01:00:00Z"));
    f = new SearchFixture(TestDatabases.h2(dir.resolve("db2")), dir.resolve("index2"), clock);
    f.tenant();
    UUID id =
        f.story(
            "destination",
            List.of(),
            List.of(),
            null,
            vi("Lễ hội Gầu Tào", null, "Người Mông mừng xuân."),
            TranslationStatus.DRAFT);
    f.core
        .stories()
        .review()
        .schedule(
            T,
            id,
            "vi",
            new ScheduleInput(null, null, clock.instant().plus(Duration.ofHours(1))),
            SearchFixture.ACTOR);
    f.core
        .stories()
        .putTranslation(
            T,
            id,
            "vi",
            SearchFixture.text(
                new String[] {"Lễ hội Gầu Tào", null, "Người Mông mừng xuân."},
                TranslationStatus.PUBLISHED),
            null,
            SearchFixture.ACTOR);
    f.index.catchUp();
    assertEquals(0, f.search(Audience.PUBLIC, "gau tao", "vi", Map.of()).total());
    assertTrue(f.search.suggest(T, Audience.PUBLIC, "gau t", null, 10).isEmpty());
    assertEquals(1, f.editor("gau tao").total());

    clock.advance(Duration.ofMinutes(61));
    assertEquals(1, f.core.scheduler().runDue());
    f.index.catchUp();
    assertEquals(
        List.of("Lễ hội Gầu Tào"), titles(f.search(Audience.PUBLIC, "gau tao", "vi", Map.of())));
  }

  @Test
  void aLicenceThatEndsHidesItsMediaWithinTheMinuteAndTheCachedScopeFollowsTheClock() {
    f.close();
    TestClock clock = new TestClock(Instant.parse("2026-06-01T01:00:00Z"));
    f = new SearchFixture(TestDatabases.h2(dir.resolve("db3")), dir.resolve("index3"), clock);
    f.tenant();
    f.media("Ảnh ruộng hết hạn trong phút", clock.instant().plusSeconds(30), false);
    f.media("Ảnh ruộng còn hai phút", clock.instant().plus(Duration.ofMinutes(2)), false);
    f.index.catchUp();
    // Ending within the current minute counts as ended: early, never late.
    assertEquals(
        List.of("Ảnh ruộng còn hai phút"),
        titles(f.search(Audience.PUBLIC, "anh ruong", "vi", Map.of())));
    clock.advance(Duration.ofMinutes(3));
    // The scope's cached bits belong to the minute they were made for.
    assertEquals(0, f.search(Audience.PUBLIC, "anh ruong", "vi", Map.of()).total());
    assertEquals(2, f.editor("anh ruong").total());
  }

  @Test
  void suggestionsCompleteTitlesAndTermLabelsWithoutDiacritics() {
    f.story("destination", List.of(), List.of(), vi("Lào Cai mùa xuân", null, null));
    f.index.catchUp();

    List<Suggestion> suggestions = f.search.suggest(T, Audience.EDITOR, "lao c", null, 10);
    assertTrue(
        suggestions.stream()
            .anyMatch(s -> s.text().equals("Lào Cai mùa xuân") && s.source().equals("entry")),
        suggestions.toString());
    assertTrue(
        suggestions.stream()
            .anyMatch(s -> s.text().equals("Tỉnh Lào Cai") && s.source().equals("term")),
        suggestions.toString());
    assertTrue(
        f.search.suggest(T, Audience.EDITOR, "cho ph", null, 10).stream()
            .anyMatch(s -> s.code() != null && s.code().equals("markets")));
  }

  @Test
  void relatedStoriesShareWordsAndTerms() {
    UUID market =
        f.story(
            "destination",
            List.of("sa-pa"),
            List.of("markets"),
            vi(
                "Chợ phiên Bắc Hà",
                null,
                "Chợ phiên vùng cao họp ngày Chủ nhật, bán ngựa, vải thổ cẩm."));
    f.story(
        "destination",
        List.of("sa-pa"),
        List.of("markets"),
        vi("Chợ phiên Cán Cấu", null, "Chợ phiên họp thứ Bảy, bán ngựa và trâu."));
    f.story("destination", List.of(), List.of(), vi("Đỉnh Fansipan", null, "Cáp treo."));
    f.index.catchUp();

    List<Hit> related = f.search.related(T, Audience.EDITOR, market, null, "story", 5);
    assertEquals("Chợ phiên Cán Cấu", related.get(0).title());
    assertFalse(related.stream().anyMatch(h -> h.id().equals(market)));
  }
}
