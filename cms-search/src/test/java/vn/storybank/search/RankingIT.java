package vn.storybank.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.search.SearchFixture.T;
import static vn.storybank.search.SearchFixture.titles;
import static vn.storybank.search.SearchFixture.vi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.entry.TranslationInput;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.testing.TestDatabases;
import vn.storybank.search.SearchRequest.Audience;
import vn.storybank.search.SearchResult.Hit;

/** Which texts a query finds, and in what order: analysis per language, ranking, relaxing. */
class RankingIT {
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
  void theExactSpellingRanksAboveOtherTones() {
    f.story("cultural-heritage", List.of(), List.of(), vi("Phở la hán quả", null, "Món ăn lạ"));
    f.story("cultural-heritage", List.of(), List.of(), vi("Bánh lá dong", null, "Món bánh gói lá"));
    f.index.catchUp();

    assertEquals("Bánh lá dong", f.editor("lá").hits().get(0).title());
    assertEquals("Phở la hán quả", f.editor("la").hits().get(0).title());
    assertEquals(2, f.editor("la").total());
  }

  @Test
  void syllablesOfOneWordRankAboveScatteredSyllables() {
    f.story(
        "destination",
        List.of(),
        List.of(),
        vi(
            "Mùa vàng",
            null,
            "Thang máy lên bậc cao, ruộng ngô bên đường, rồi những bậc đá và thang gỗ."));
    f.story(
        "destination",
        List.of(),
        List.of(),
        vi("Mùa nước đổ", null, "Du khách đến ngắm ruộng bậc thang khi nước đổ về."));
    f.index.catchUp();

    SearchResult result = f.editor("ruong bac thang");
    assertEquals(List.of("Mùa nước đổ", "Mùa vàng"), titles(result));
  }

  @Test
  void pagesPastTheRescoredHitsShowEveryHitOnceAndInScoreOrder() {
    // More hits than the window the body bonus reorders. The bodies with the syllables together
    // are the longer ones, so the first pass ranks all of them below the scattered ones and the
    // window holds only some of them: a window as deep as each page would lift different ones on
    // different pages.
    int stories = 130;
    Set<UUID> together = new HashSet<>();
    for (int i = 0; i < stories; i++) {
      String body =
          i % 2 == 0
              ? "Ruộng bậc thang." + " Mây".repeat(8 + i % 5)
              : "Ruộng ngô, bậc đá, thang gỗ." + " Mây".repeat(i % 3);
      UUID id = f.story("destination", List.of(), List.of(), vi("Mùa " + i, null, body));
      if (i % 2 == 0) {
        together.add(id);
      }
    }
    f.index.catchUp();

    List<Hit> hits = new ArrayList<>();
    for (int offset = 0; offset < stories; offset += 20) {
      SearchResult page =
          f.search.search(
              new SearchRequest(
                  T,
                  Audience.EDITOR,
                  "ruong bac thang",
                  null,
                  Map.of(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  false,
                  false,
                  null,
                  offset,
                  20));
      assertEquals(stories, page.total());
      hits.addAll(page.hits());
    }
    assertEquals(stories, hits.stream().map(Hit::id).distinct().count(), "every hit exactly once");
    for (int i = 1; i < hits.size(); i++) {
      assertTrue(hits.get(i - 1).score() >= hits.get(i).score(), "score order at " + i);
    }
    assertTrue(together.contains(hits.get(0).id()), "the syllables together rank first");
  }

  @Test
  void eachLanguageIsAnalysedInItsOwnWay() {
    f.story(
        "destination",
        List.of(),
        List.of(),
        Map.of(
            "vi", new String[] {"Ruộng bậc thang Mù Cang Chải", null, null},
            "en",
                new String[] {
                  "Terraced fields", null, "Farmers terracing the hills since the 15th century."
                },
            "zh-Hans", new String[] {"沙坝梯田风光", null, "每年九月，梯田一片金黄。"},
            "ko", new String[] {"사파의 계단식 논", null, "가을에는 논이 황금빛으로 물듭니다."},
            "ja", new String[] {"サパの棚田", null, "秋には田んぼが黄金色に染まります。"},
            "hnj", new String[] {"Ntxhw Lis Tsab", null, "Cov teb ntaiv zoo nkauj heev."},
            "blt-Tavt", new String[] {"ꪼꪕꪒꪾ ꪁꪾꪚ", null, "ꪹꪀꪷ ꪠꪷꪉ"}));
    f.index.catchUp();

    assertEquals(1, f.search(Audience.EDITOR, "terrace", "en", Map.of()).total(), "English stems");
    assertEquals(1, f.search(Audience.EDITOR, "梯田", "zh-Hans", Map.of()).total(), "Chinese words");
    assertEquals(1, f.search(Audience.EDITOR, "논이", "ko", Map.of()).total(), "Korean morphemes");
    assertEquals(1, f.search(Audience.EDITOR, "田んぼ", "ja", Map.of()).total(), "Japanese words");
    assertEquals(1, f.search(Audience.EDITOR, "ntaiv", "hnj", Map.of()).total(), "Hmong words");
    assertEquals(
        1, f.search(Audience.EDITOR, "ꪁꪾꪚ", "blt-Tavt", Map.of()).total(), "Tai Viet script");
    assertEquals(0, f.search(Audience.EDITOR, "ꪁꪾꪚ", "vi", Map.of()).total(), "scoped to a locale");
    // Without a locale an editor searches every language at once.
    assertEquals(7, f.editor("梯田 | terrace | ntaiv | ꪁꪾꪚ | thang | 논이 | 棚田").total());
    // "the" is a stop word in English and a word elsewhere: across languages, the English text
    // is still found by the words that count in English.
    assertEquals(
        List.of("Terraced fields"),
        titles(f.editor("the terraced hills")),
        "stop words per language");
    assertEquals(
        List.of("Terraced fields"),
        titles(f.search(Audience.PUBLIC, "the terraced hills", "en", Map.of())),
        "the public's English falls back to Vietnamese, whose fields know no stop words");
  }

  @Test
  void titleRanksAboveSummaryAboveBody() {
    // Every story has all three parts, so only the part the words are in differs.
    f.story(
        "destination",
        List.of(),
        List.of(),
        vi("Cầu kính", "Một cây cầu", "Đi qua thung lũng Mường Hoa"));
    f.story(
        "destination",
        List.of(),
        List.of(),
        vi("Thung lũng Mường Hoa", "Một thung lũng", "Bãi đá cổ"));
    f.story(
        "destination",
        List.of(),
        List.of(),
        vi("Bãi đá cổ", "Nằm trong thung lũng Mường Hoa", "Những tảng đá"));
    f.index.catchUp();

    assertEquals(
        List.of("Thung lũng Mường Hoa", "Bãi đá cổ", "Cầu kính"), titles(f.editor("muong hoa")));
  }

  @Test
  void typosAreForgivenWhenTheStrictQueryFindsNothing() {
    f.story("destination", List.of(), List.of(), vi("Thung lũng Mường Hoa", null, null));
    f.index.catchUp();

    SearchResult result = f.editor("muongg");
    assertTrue(result.relaxed());
    assertEquals(List.of("Thung lũng Mường Hoa"), titles(result));
    assertFalse(f.editor("muong").relaxed());
  }

  @Test
  void placeNamesWrittenAsOneWordAreFoundWhenTheStrictQueryFindsLittle() {
    f.story(
        "destination",
        List.of(),
        List.of(),
        Map.of(
            "vi", new String[] {"Sa Pa mùa đông", null, "Tuyết rơi trên đỉnh Fansipan."},
            "en", new String[] {"Sa Pa in winter", null, "Snow falls on Sa Pa and Fansipan."}));
    f.story("destination", List.of(), List.of(), vi("Cửa khẩu Lào Cai", null, null));
    f.index.catchUp();

    SearchResult sapa = f.search(Audience.PUBLIC, "sapa", "en", Map.of());
    assertEquals(List.of("Sa Pa in winter"), titles(sapa), "a phrase in English");
    assertTrue(sapa.relaxed());
    assertEquals(
        "Snow falls on <mark>Sa</mark> <mark>Pa</mark> and Fansipan.",
        sapa.hits().get(0).snippet());
    assertEquals(
        List.of("Sa Pa mùa đông"), titles(f.search(Audience.PUBLIC, "sapa", "vi", Map.of())));
    assertEquals(List.of("Cửa khẩu Lào Cai"), titles(f.editor("laocai")), "a syllable pair");
    assertEquals(0, f.editor("sapx").total(), "only the words as written, cut in two");
    assertEquals(
        List.of("Cửa khẩu Lào Cai"),
        titles(f.editor("-sapa")),
        "an excluded word leaves out what the word finds");
    assertFalse(f.editor("sa pa").relaxed());

    f.story(
        "destination",
        List.of(),
        List.of(),
        vi("Mùa vàng Mù Cang Chải", null, "Lúa chín trên ruộng bậc thang Mù Cang Chải."));
    f.story("destination", List.of(), List.of(), vi("Mù mịt cang chài", null, null));
    f.index.catchUp();
    SearchResult mucangchai = f.editor("mucangchai");
    assertEquals(List.of("Mùa vàng Mù Cang Chải"), titles(mucangchai), "three syllables");
    assertEquals(
        "Lúa chín trên ruộng bậc thang <mark>Mù</mark> <mark>Cang</mark> <mark>Chải</mark>.",
        mucangchai.hits().get(0).snippet());
  }

  @Test
  void aPhotoWithoutATitleIsListedByItsCaption() {
    String caption =
        "Ảnh toàn cảnh 360 độ khu vực đỉnh Fansipan trong một buổi sáng có biển mây, "
            + "nhìn từ ga cáp treo xuống thung lũng Mường Hoa.";
    f.media(
        new TranslationInput(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            caption,
            "Biển mây",
            TranslationStatus.PUBLISHED,
            null),
        null,
        false);
    f.index.catchUp();

    assertEquals(
        List.of(
            "Ảnh toàn cảnh 360 độ khu vực đỉnh Fansipan trong một buổi sáng có biển mây, nhìn …"),
        titles(f.editor("fansipan")));
  }
}
