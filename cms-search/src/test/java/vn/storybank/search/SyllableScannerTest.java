package vn.storybank.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.junit.jupiter.api.Test;
import vn.storybank.search.Analysis.Token;
import vn.storybank.search.Fields.Part;
import vn.storybank.search.Fields.Variant;

/** The scanner gives exactly the folded syllable analyzer's tokens, or leaves the text to it. */
class SyllableScannerTest {
  private static final String FIELD = Fields.text(Part.BODY, Family.VI, Variant.FOLDED);

  /** Characters of every class the scanner reads, the word-joining punctuation most often. */
  private static final String SAMPLES =
      "aZộĐßæĳǅẞ19 ..,,;;::''\u2018\u2019-\n\t\r\u00a0\u2026\u2013\u201c\"!()/&";

  private final Analysis analysis = new Analysis();

  private List<Token> analyzed(String text) {
    return Analysis.tokens(analysis.of(Family.VI, Variant.FOLDED), FIELD, text);
  }

  private static List<Token> scanned(String text) {
    List<Token> tokens = new ArrayList<>();
    boolean read =
        SyllableScanner.scan(
            text,
            (term, length, position, start, end) ->
                tokens.add(new Token(new String(term, 0, length), position, start, end)));
    return read ? tokens : null;
  }

  @Test
  void givesTheAnalyzersTokensForVietnameseAndItsPunctuation() {
    for (String text :
        List.of(
            "Chợ phiên Bắc Hà họp sáng Chủ nhật.",
            "Người H'Mông ở Sín Chéng, Si Ma Cai: 1.200 hộ, 3,5 km… “Đồng Văn” – 2024",
            "k:a a.b.c a..b 1.2.3 1,000.5 a1.2 1.a 3G x’y ‘q’ 'a' ẞtraße Ĳssel",
            "")) {
      assertEquals(analyzed(text), scanned(text), text);
    }
  }

  @Test
  void givesTheAnalyzersTokensForRandomTextsOfEveryClassItReads() {
    List<Character> readable = new ArrayList<>();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (SyllableScanner.reads(c)) {
        readable.add(c);
      }
    }
    Random random = new Random(26);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(24);
      for (int i = 0; i < length; i++) {
        text.append(
            random.nextInt(4) == 0
                ? readable.get(random.nextInt(readable.size()))
                : SAMPLES.charAt(random.nextInt(SAMPLES.length())));
      }
      String s = text.toString();
      assertEquals(analyzed(s), scanned(s), () -> "text: " + s.codePoints().boxed().toList());
    }
  }

  @Test
  void foldsAWordAsICUFoldsItWhole() {
    List<Character> letters = new ArrayList<>();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (SyllableScanner.reads(c) && Character.isLetterOrDigit(c)) {
        letters.add(c);
      }
    }
    for (char first : letters) {
      String alone = ICUFoldingFilter.NORMALIZER.normalize(String.valueOf(first));
      for (char second : letters) {
        String pair = "" + first + second;
        assertEquals(
            ICUFoldingFilter.NORMALIZER.normalize(pair),
            alone + ICUFoldingFilter.NORMALIZER.normalize(String.valueOf(second)),
            pair);
      }
    }
  }

  @Test
  void leavesOtherScriptsCombiningMarksAndLongWordsToTheAnalyzer() {
    for (String text : List.of("沙坝", "La\u0300o Cai", "snake_case", "Sa Pa 🌄", "a".repeat(300))) {
      assertFalse(SyllableScanner.scan(text, (t, l, p, s, e) -> {}), text);
    }
    assertTrue(SyllableScanner.scan("Lào Cai", (t, l, p, s, e) -> {}));
  }
}
