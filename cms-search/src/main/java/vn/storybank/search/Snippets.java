package vn.storybank.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Short passages with the matched words marked. The text is re-analysed with the family's most
 * forgiving analysis (folded for Vietnamese), so "lao cai" marks "Lào Cai"; the window with most
 * matches wins; everything but the {@code <mark>} tags is HTML-escaped.
 */
final class Snippets {
  static final int WINDOW = 180;

  private static final String MARK_END = "</mark>";

  /** Where a marked word is in the text. */
  private record Span(int start, int end) {}

  private Snippets() {}

  /** The words a snippet marks, in the analysis' form, ready to test tokens against. */
  static final class Words {
    private final CharArraySet terms;
    private final char[][] prefixes;

    /** The beginnings of terms: a token that is one may be the first half of a joined word. */
    private final CharArraySet heads;

    /**
     * The first characters of terms and prefixes: a token starting otherwise neither matches nor
     * begins a joined word, and most tokens of a long body are passed over by this test alone.
     */
    private final String firsts;

    /**
     * @param terms matched words
     * @param prefixes word beginnings
     */
    Words(Set<String> terms, Set<String> prefixes) {
      this.terms = new CharArraySet(terms, false);
      this.prefixes = prefixes.stream().map(String::toCharArray).toArray(char[][]::new);
      this.heads = new CharArraySet(16, false);
      StringBuilder firsts = new StringBuilder();
      boolean anyEmpty = false;
      for (String word : terms) {
        anyEmpty |= word.isEmpty();
        firsts.append(word.isEmpty() ? "" : word.substring(0, 1));
      }
      for (char[] prefix : this.prefixes) {
        anyEmpty |= prefix.length == 0;
        firsts.append(prefix.length == 0 ? "" : String.valueOf(prefix[0]));
      }
      // An empty word would match every token: then no token is passed over.
      this.firsts = anyEmpty ? null : firsts.toString();
      for (String term : terms) {
        for (int end = 1; end < term.length(); end++) {
          heads.add(term.substring(0, end));
        }
      }
    }

    boolean isEmpty() {
      return terms.isEmpty() && prefixes.length == 0;
    }

    private boolean matches(char[] token, int length) {
      if (terms.contains(token, 0, length)) {
        return true;
      }
      for (char[] prefix : prefixes) {
        if (prefix.length <= length
            && Arrays.equals(prefix, 0, prefix.length, token, 0, prefix.length)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Collects where the words are in a text, token by token. */
  private static final class Marks implements Analysis.TokenSink {
    private final Words words;
    private final List<Span> matches = new ArrayList<>();

    /** The previous tokens, side by side, when together they begin a query word. */
    private final List<Span> run = new ArrayList<>();

    /** The run's tokens joined, and the position of its last. */
    private final StringBuilder joined = new StringBuilder();

    private int runPosition;

    Marks(Words words) {
      this.words = words;
    }

    @Override
    public void accept(char[] term, int length, int position, int start, int end) {
      if (run.isEmpty()
          && words.firsts != null
          && length > 0
          && words.firsts.indexOf(term[0]) < 0) {
        return;
      }
      boolean follows = !run.isEmpty() && runPosition + 1 == position;
      if (follows) {
        joined.append(term, 0, length);
        if (words.terms.contains(joined)) {
          // A query word that is these run together ("sapa" for "Sa Pa", "mucangchai" for "Mù
          // Cang Chải") marks them all.
          matches.addAll(run);
          matches.add(new Span(start, end));
          clearRun();
          return;
        }
        if (words.heads.contains(joined)) {
          run.add(new Span(start, end));
          runPosition = position;
          return;
        }
      }
      clearRun();
      if (words.matches(term, length)) {
        matches.add(new Span(start, end));
      } else if (words.heads.contains(term, 0, length)) {
        run.add(new Span(start, end));
        runPosition = position;
        joined.append(term, 0, length);
      }
    }

    private void clearRun() {
      run.clear();
      joined.setLength(0);
    }
  }

  /**
   * The snippet of a text, or null when nothing in it matched; the text is analysed as the family's
   * {@link Analysis#matching} analysis does. Tokens are tested as the analysis makes them, without
   * keeping them: only matches become objects.
   */
  static String highlight(Analysis analysis, Family family, String text, Words words) {
    if (text == null || text.isEmpty() || words.isEmpty()) {
      return null;
    }
    Marks marks = new Marks(words);
    analysis.matchingTokens(family, text, marks);
    List<Span> matches = marks.matches;
    if (matches.isEmpty()) {
      return null;
    }
    int bestStart = 0;
    int bestCount = 0;
    for (int i = 0; i < matches.size(); i++) {
      int count = 0;
      for (int j = i;
          j < matches.size() && matches.get(j).end() - matches.get(i).start() <= WINDOW;
          j++) {
        count++;
      }
      if (count > bestCount) {
        bestCount = count;
        bestStart = i;
      }
    }
    int from = wordStart(text, Math.max(0, matches.get(bestStart).start() - 40));
    int to = wordEnd(text, Math.min(text.length(), from + WINDOW));
    StringBuilder out = new StringBuilder();
    if (from > 0) {
      out.append("… ");
    }
    int at = from;
    boolean marked = false;
    for (Span match : matches) {
      if (match.start() < Math.max(from, at) || match.end() > to) {
        continue;
      }
      if (marked && match.start() == at) {
        // Words with nothing between them, as Chinese is written, are one mark.
        out.setLength(out.length() - MARK_END.length());
      } else {
        escape(text, at, match.start(), out);
        out.append("<mark>");
      }
      escape(text, match.start(), match.end(), out);
      out.append(MARK_END);
      at = match.end();
      marked = true;
    }
    escape(text, at, to, out);
    if (to < text.length()) {
      out.append(" …");
    }
    return out.toString();
  }

  /** The beginning of a text, escaped, for hits that matched elsewhere (a title, a term). */
  static String lead(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String start = start(text, WINDOW);
    StringBuilder out = new StringBuilder();
    escape(start, 0, start.length(), out);
    return out.toString();
  }

  /** The beginning of a plain text, about {@code length} characters, cut after a whole word. */
  static String start(String text, int length) {
    int to = wordEnd(text, Math.min(text.length(), length));
    return to < text.length() ? text.substring(0, to) + " …" : text;
  }

  private static int wordStart(String text, int index) {
    if (index == 0) {
      return 0;
    }
    int space = text.indexOf(' ', index);
    return space < 0 || space - index > 20 ? index : space + 1;
  }

  private static int wordEnd(String text, int index) {
    if (index >= text.length()) {
      return text.length();
    }
    int space = text.lastIndexOf(' ', index);
    int cut = space <= 0 || index - space > 20 ? index : space;
    // never split a surrogate pair
    return cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1)) ? cut - 1 : cut;
  }

  private static void escape(String text, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }
}
