package vn.storybank.search;

import java.util.Arrays;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;

/**
 * The folded syllable analysis ({@link org.apache.lucene.analysis.standard.StandardTokenizer}, CJK
 * width, ICU folding) of text written in Latin letters, ASCII digits, spaces and common
 * punctuation, as Vietnamese is: the same tokens, positions and offsets, without Lucene's token
 * stream. Snippets re-analyse every hit's body, and through the token stream that was two fifths of
 * a search's CPU time: the tokenizer's state machine, attribute copies, and an ICU normalization of
 * each syllable bearing a diacritic. Here a word is a run of letters and digits joined as Unicode
 * word breaking (UAX #29, rules WB5 to WB12) joins them, and it is folded a character at a time
 * from a table made with ICU's folding itself. A text with any other character (another script, a
 * combining mark, an emoji, an underscore) is left to the analyzer; SyllableScannerTest compares
 * the two over random texts of every character class the scanner reads.
 */
final class SyllableScanner {
  private static final byte OUTSIDE = -1;
  private static final byte OTHER = 0;
  private static final byte LETTER = 1;
  private static final byte DIGIT = 2;
  private static final byte MID_LETTER = 3;
  private static final byte MID_NUM = 4;
  private static final byte MID_NUM_LET = 5;

  /** The classes of characters up to this one; every later character is outside. */
  private static final char LAST = '\u2026';

  /** The tokenizer cuts longer words; such a text is left to it. */
  private static final int MAX_WORD = 255;

  private static final byte[] CLASSES = new byte[LAST + 1];

  /** What ICU folding makes of each letter and digit. */
  private static final char[][] FOLDED = new char[LAST + 1][];

  static {
    Arrays.fill(CLASSES, OUTSIDE);
    for (char c = 0; c <= LAST; c++) {
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isLatinLetter(c)) {
        CLASSES[c] = LETTER;
      } else if (c >= '0' && c <= '9') {
        CLASSES[c] = DIGIT;
      }
    }
    for (char c :
        " \t\n\r\u00a0!\"#$%&()*+-/<=>?@[\\]^`{|}~\u2013\u2014\u201c\u201d\u2026".toCharArray()) {
      CLASSES[c] = OTHER;
    }
    CLASSES[':'] = MID_LETTER;
    CLASSES[','] = MID_NUM;
    CLASSES[';'] = MID_NUM;
    CLASSES['.'] = MID_NUM_LET;
    CLASSES['\''] = MID_NUM_LET; // Single_Quote, which joins as MidNumLet does outside Hebrew
    CLASSES['\u2018'] = MID_NUM_LET;
    CLASSES['\u2019'] = MID_NUM_LET;
    for (char c = 0; c <= LAST; c++) {
      if (CLASSES[c] != OUTSIDE && CLASSES[c] != OTHER) {
        FOLDED[c] = ICUFoldingFilter.NORMALIZER.normalize(String.valueOf(c)).toCharArray();
      }
    }
  }

  private SyllableScanner() {}

  /** Whether the scanner reads this character; else a text holding it is left to the analyzer. */
  static boolean reads(char c) {
    return c <= LAST && CLASSES[c] != OUTSIDE;
  }

  /** The precomposed letters of the Latin blocks: Vietnamese, and most Latin orthographies. */
  private static boolean isLatinLetter(char c) {
    return Character.isLetter(c)
        && (c >= '\u00c0' && c <= '\u024f' || c >= '\u1e00' && c <= '\u1eff');
  }

  /**
   * Hands the tokens of {@code text} to {@code sink}, as the folded syllable analyzer would; false,
   * having handed over nothing, when the text has a character this scanner does not read.
   */
  static boolean scan(String text, Analysis.TokenSink sink) {
    char[] chars = text.toCharArray();
    int length = chars.length;
    byte[] classes = new byte[length];
    int run = 0;
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      byte kind = c <= LAST ? CLASSES[c] : OUTSIDE;
      if (kind == OUTSIDE) {
        return false;
      }
      classes[i] = kind;
      run = kind == OTHER ? 0 : run + 1;
      if (run >= MAX_WORD) {
        return false;
      }
    }
    char[] term = new char[16];
    int position = -1;
    int i = 0;
    while (i < length) {
      byte kind = classes[i];
      if (kind != LETTER && kind != DIGIT) {
        i++;
        continue;
      }
      int start = i;
      int end = i + 1;
      for (int next = joined(classes, i, length); next >= 0; next = joined(classes, next, length)) {
        end = next + 1;
      }
      int termLength = 0;
      for (int at = start; at < end; at++) {
        char[] folded = FOLDED[chars[at]];
        if (termLength + folded.length > term.length) {
          term = Arrays.copyOf(term, Math.max(term.length * 2, termLength + folded.length));
        }
        if (folded.length == 1) {
          term[termLength++] = folded[0];
        } else {
          System.arraycopy(folded, 0, term, termLength, folded.length);
          termLength += folded.length;
        }
      }
      position++;
      sink.accept(term, termLength, position, start, end);
      i = end;
    }
    return true;
  }

  /**
   * The next letter or digit of the word whose letter or digit is at {@code i}, or -1 where the
   * word ends: letters and digits join (WB5, WB8–WB10); a letter, a MidLetter or MidNumLet, and a
   * letter join (WB6, WB7); a digit, a MidNum or MidNumLet, and a digit join (WB11, WB12).
   */
  private static int joined(byte[] classes, int i, int length) {
    if (i + 1 >= length) {
      return -1;
    }
    byte here = classes[i];
    byte next = classes[i + 1];
    if (next == LETTER || next == DIGIT) {
      return i + 1;
    }
    if (i + 2 >= length) {
      return -1;
    }
    byte after = classes[i + 2];
    if (here == LETTER && after == LETTER && (next == MID_LETTER || next == MID_NUM_LET)) {
      return i + 2;
    }
    if (here == DIGIT && after == DIGIT && (next == MID_NUM || next == MID_NUM_LET)) {
      return i + 2;
    }
    return -1;
  }
}
