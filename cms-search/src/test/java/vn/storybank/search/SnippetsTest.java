package vn.storybank.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SnippetsTest {
  private final Analysis analysis = new Analysis();

  private String snippet(String text, Set<String> terms, Set<String> prefixes) {
    return Snippets.highlight(analysis, Family.VI, text, new Snippets.Words(terms, prefixes));
  }

  @Test
  void marksFoldedWordsPrefixesAndSyllablesTypedAsOne() {
    assertEquals(
        "Chợ phiên <mark>Bắc</mark> <mark>Hà</mark> họp sáng Chủ nhật.",
        snippet("Chợ phiên Bắc Hà họp sáng Chủ nhật.", Set.of("bac", "ha"), Set.of()));
    assertEquals(
        "<mark>Thổ</mark> cẩm của người <mark>Thái</mark>",
        snippet("Thổ cẩm của người Thái", Set.of(), Set.of("th")));
    assertEquals(
        "Mùa đông ở <mark>Sa</mark> <mark>Pa</mark>, không phải ở Sa Mạc.",
        snippet("Mùa đông ở Sa Pa, không phải ở Sa Mạc.", Set.of("sapa"), Set.of()),
        "\"sapa\" marks both syllables of Sa Pa, and not the Sa of Sa Mạc");
    assertNull(
        snippet("Sa và Pa", Set.of("sapa"), Set.of()), "two syllables apart are not one word");
    assertEquals(
        "Ruộng bậc thang <mark>Mù</mark> <mark>Cang</mark> <mark>Chải</mark>, không phải Mù Cang.",
        snippet(
            "Ruộng bậc thang Mù Cang Chải, không phải Mù Cang.", Set.of("mucangchai"), Set.of()),
        "three syllables typed as one");
  }

  @Test
  void wordsWithNothingBetweenThemAreOneMark() {
    assertEquals(
        "四季<mark>沙坝</mark>：云雾、群山与村寨，<mark>沙</mark>与<mark>坝</mark>",
        Snippets.highlight(
            analysis,
            Family.ZH,
            "四季沙坝：云雾、群山与村寨，沙与坝",
            new Snippets.Words(Set.of("沙", "坝"), Set.of())));
  }

  @Test
  void aTextWithoutTheWordsHasNoSnippet() {
    assertNull(snippet("Ruộng bậc thang Mù Cang Chải", Set.of("sapa"), Set.of()));
    assertNull(snippet("", Set.of("sapa"), Set.of()));
    assertNull(snippet("Ruộng bậc thang", Set.of(), Set.of()));
  }

  @Test
  void theWindowWithMostMatchesWinsAndEverythingButTheMarksIsEscaped() {
    String filler = "lúa ".repeat(60);
    String text = "trà ở đầu " + filler + "<b>trà</b> & trà cổ thụ & trà shan tuyết " + filler;
    String snippet = snippet(text, Set.of("tra"), Set.of());
    assertEquals(
        "… lúa lúa lúa lúa lúa lúa lúa lúa lúa &lt;b&gt;<mark>trà</mark>&lt;/b&gt; &amp;"
            + " <mark>trà</mark> cổ thụ &amp; <mark>trà</mark> shan tuyết lúa lúa lúa lúa lúa lúa"
            + " lúa lúa lúa lúa lúa lúa lúa lúa lúa lúa lúa lúa lúa lúa lúa lúa lúa lúa lúa lúa"
            + " …",
        snippet);
  }
}
