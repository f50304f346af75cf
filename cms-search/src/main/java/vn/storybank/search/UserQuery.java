package vn.storybank.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import vn.storybank.core.error.StorybankException;

/**
 * What a person typed, parsed by a grammar that accepts every string: words, {@code "quoted
 * phrases"}, {@code -excluded}, {@code a | b} alternatives and {@code prefix*}. An unbalanced quote
 * runs to the end; stray operators are ignored; control characters are spaces.
 *
 * @param required groups that must all match; within a group, one alternative suffices
 * @param excluded clauses that must not match
 */
record UserQuery(List<List<Clause>> required, List<Clause> excluded) {
  static final int MAX_LENGTH = 500;
  static final int MAX_CLAUSES = 32;

  /** A word or phrase. A prefix clause is one word whose last token is a prefix. */
  record Clause(String text, boolean phrase, boolean prefix) {}

  boolean matchesAll() {
    return required.isEmpty();
  }

  /** The positive words and phrases, for snippets and suggestions. */
  List<Clause> positive() {
    return required.stream().flatMap(List::stream).toList();
  }

  static UserQuery parse(String input) {
    if (input == null) {
      return new UserQuery(List.of(), List.of());
    }
    if (input.length() > MAX_LENGTH) {
      throw StorybankException.invalid(
          "q", "The query is " + input.length() + " characters long; at most " + MAX_LENGTH + ".");
    }
    String text = Normalizer.normalize(clean(input), Normalizer.Form.NFC);
    List<List<Clause>> required = new ArrayList<>();
    List<Clause> excluded = new ArrayList<>();
    boolean orPending = false;
    int count = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '|') {
        orPending = !required.isEmpty();
        i++;
        continue;
      }
      boolean negated = false;
      if (c == '-' && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
        negated = true;
        i++;
        c = text.charAt(i);
      }
      Clause clause;
      if (c == '"') {
        int close = text.indexOf('"', i + 1);
        int end = close < 0 ? text.length() : close;
        clause = new Clause(text.substring(i + 1, end).strip(), true, false);
        i = close < 0 ? text.length() : close + 1;
      } else {
        int end = i;
        while (end < text.length()
            && !Character.isWhitespace(text.charAt(end))
            && text.charAt(end) != '|'
            && text.charAt(end) != '"') {
          end++;
        }
        clause = word(text.substring(i, end));
        i = end;
      }
      if (clause == null || clause.text().isEmpty()) {
        continue;
      }
      if (++count > MAX_CLAUSES) {
        throw StorybankException.invalid(
            "q", "The query has more than " + MAX_CLAUSES + " words or phrases; shorten it.");
      }
      if (negated) {
        excluded.add(clause);
      } else if (orPending) {
        required.get(required.size() - 1).add(clause);
      } else {
        required.add(new ArrayList<>(List.of(clause)));
      }
      orPending = false;
    }
    return new UserQuery(required.stream().map(List::copyOf).toList(), List.copyOf(excluded));
  }

  /** A word: a trailing {@code *} makes a prefix when at least two letters precede it. */
  private static Clause word(String raw) {
    String trimmed = raw.replaceAll("^[-*]+", "");
    boolean prefix = trimmed.endsWith("*");
    String stem = trimmed.replace("*", "");
    if (stem.isEmpty()) {
      return null;
    }
    return new Clause(stem, false, prefix && stem.codePointCount(0, stem.length()) >= 2);
  }

  private static String clean(String input) {
    StringBuilder out = new StringBuilder(input.length());
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      boolean loneSurrogate =
          Character.isSurrogate(c)
              && !(Character.isHighSurrogate(c)
                  && i + 1 < input.length()
                  && Character.isLowSurrogate(input.charAt(i + 1)))
              && !(Character.isLowSurrogate(c)
                  && i > 0
                  && Character.isHighSurrogate(input.charAt(i - 1)));
      out.append(Character.isISOControl(c) || loneSurrogate ? ' ' : c);
    }
    return out.toString();
  }
}
