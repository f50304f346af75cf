package vn.storybank.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import vn.storybank.search.Analysis.Token;

/**
 * Short passages with the matched words marked. The text is re-analysed with the family's most
 * forgiving analysis (folded for Vietnamese), so "lao cai" marks "Lào Cai"; the window with most
 * matches wins; everything but the {@code <mark>} tags is HTML-escaped.
 */
final class Snippets {
  static final int WINDOW = 180;

  private Snippets() {}

  /**
   * @param terms matched words, in the analysis' form
   * @param prefixes word beginnings, in the analysis' form
   * @return the snippet, or null when nothing in the text matched
   */
  static String highlight(
      Analyzer analyzer, String field, String text, Set<String> terms, Set<String> prefixes) {
    if (text == null || text.isEmpty() || (terms.isEmpty() && prefixes.isEmpty())) {
      return null;
    }
    List<Token> tokens = Analysis.tokens(analyzer, field, text);
    List<Token> matches = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      if (terms.contains(token.term()) || prefixes.stream().anyMatch(token.term()::startsWith)) {
        matches.add(token);
      } else if (next != null
          && next.position() == token.position() + 1
          && terms.contains(token.term() + next.term())) {
        // A query word that is these two run together ("sapa" for "Sa Pa") marks both.
        matches.add(token);
        matches.add(next);
        i++;
      }
    }
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
    for (Token match : matches) {
      if (match.start() < Math.max(from, at) || match.end() > to) {
        continue;
      }
      escape(text, at, match.start(), out);
      out.append("<mark>");
      escape(text, match.start(), match.end(), out);
      out.append("</mark>");
      at = match.end();
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
