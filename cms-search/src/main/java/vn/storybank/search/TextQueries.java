package vn.storybank.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import vn.storybank.search.Analysis.Token;
import vn.storybank.search.Fields.Part;
import vn.storybank.search.Fields.Variant;
import vn.storybank.search.UserQuery.Clause;

/**
 * Turns a {@link UserQuery} into a Lucene query over the text fields of some analysis families.
 * Every word must match somewhere (title, summary or body, in any of the families searched); the
 * best field counts most (dismax). Phrases of the query's plain words add score when they occur as
 * syllable pairs (shingles) or close together (proximity), so the syllables of one Vietnamese word
 * outrank the same syllables scattered through a text.
 */
final class TextQueries {
  private static final float TIE_BREAKER = 0.2f;
  private static final int PROXIMITY_SLOP = 3;
  private static final int FUZZY_MIN_LETTERS = 5;
  private static final int JOINED_MIN_LETTERS = 4;
  private static final int JOINED_MAX_LETTERS = 16;

  /**
   * Place names are typed in short queries; cutting every word of a long one adds thousands of
   * clauses. The same bound holds for the excluded words.
   */
  private static final int JOINED_MAX_WORDS = 3;

  private static final int THREE_SYLLABLES_MIN_LETTERS = 6;
  private static final int THREE_SYLLABLES_MAX_CUTS = 8;

  /** A Vietnamese syllable without diacritics: an onset, one to three vowels, a final consonant. */
  private static final Pattern SYLLABLE =
      Pattern.compile(
          "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?");

  private final Analysis analysis;

  TextQueries(Analysis analysis) {
    this.analysis = analysis;
  }

  /**
   * @param fuzzy also accept words of five or more letters with one or two typos
   */
  Query build(UserQuery query, Collection<Family> families, boolean fuzzy) {
    boolean cut = fuzzy && query.positive().size() <= JOINED_MAX_WORDS;
    if (query.required().isEmpty()) {
      return words(query, families, fuzzy, cut);
    }
    // A document holds one locale's text, so the fields of one family: its words have to match
    // there. One conjunction per family, or-ed. A word that is a stop word in one family ("the"
    // in English) is left out of that family's conjunction only; one conjunction over every
    // family's fields required it in the other families' fields, and so hid every English text
    // from "the rice terraces" when English fell back to Vietnamese. A family in which every
    // word is a stop word matches nothing.
    List<Query> perFamily = new ArrayList<>();
    for (Family family : families) {
      Query q = words(query, List.of(family), fuzzy, cut);
      if (!(q instanceof MatchNoDocsQuery)) {
        perFamily.add(q);
      }
    }
    if (perFamily.isEmpty()) {
      return new MatchNoDocsQuery("no searchable words");
    }
    if (perFamily.size() == 1) {
      return perFamily.get(0);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    perFamily.forEach(q -> any.add(q, Occur.SHOULD));
    return any.build();
  }

  /**
   * @param cut also try each word as two words run together (see {@link #joined})
   */
  private Query words(UserQuery query, Collection<Family> families, boolean fuzzy, boolean cut) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    boolean anyRequired = false;
    for (List<Clause> group : query.required()) {
      List<Query> alternatives = new ArrayList<>();
      for (Clause clause : group) {
        Query q = clause(clause, families, fuzzy, cut);
        if (q != null) {
          alternatives.add(q);
        }
      }
      if (alternatives.size() == 1) {
        builder.add(alternatives.get(0), Occur.MUST);
        anyRequired = true;
      } else if (!alternatives.isEmpty()) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        alternatives.forEach(a -> any.add(a, Occur.SHOULD));
        builder.add(any.build(), Occur.MUST);
        anyRequired = true;
      }
    }
    if (!anyRequired) {
      if (!query.matchesAll()) {
        // Every word was a stop word or punctuation: nothing can match it.
        return new MatchNoDocsQuery("no searchable words");
      }
      builder.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    // An excluded word is matched as the relaxed pass would find it, cut in two included: "-sapa"
    // must leave out the Sa Pa that "sapa" finds.
    boolean cutExcluded = query.excluded().size() <= JOINED_MAX_WORDS;
    for (Clause clause : query.excluded()) {
      Query q = clause(clause, families, false, cutExcluded);
      if (q != null) {
        builder.add(q, Occur.MUST_NOT);
      }
    }
    String plainWords = plainWords(query);
    for (Family family : families) {
      addAdjacencyBonus(builder, family, plainWords);
    }
    return builder.build();
  }

  private Query clause(Clause clause, Collection<Family> families, boolean fuzzy, boolean cut) {
    List<Query> fields = new ArrayList<>();
    for (Family family : families) {
      for (Part part : Part.values()) {
        if (family.syllabic) {
          if (Fields.has(part, family, Variant.EXACT)) {
            add(fields, match(clause, family, part, Variant.EXACT, false), part, Variant.EXACT);
          }
          add(fields, match(clause, family, part, Variant.FOLDED, fuzzy), part, Variant.FOLDED);
        } else {
          add(fields, match(clause, family, part, Variant.EXACT, fuzzy), part, Variant.EXACT);
        }
        if (cut) {
          joined(clause, family, part)
              .forEach(q -> add(fields, q, part, family.syllabic ? Variant.FOLDED : Variant.EXACT));
        }
      }
    }
    return fields.isEmpty() ? null : new DisjunctionMaxQuery(fields, TIE_BREAKER);
  }

  private static void add(List<Query> fields, Query query, Part part, Variant variant) {
    if (query != null) {
      fields.add(new BoostQuery(query, part.boost * variant.boost));
    }
  }

  private Query match(Clause clause, Family family, Part part, Variant variant, boolean fuzzy) {
    String field = Fields.text(part, family, variant);
    Analyzer analyzer = analysis.of(family, variant);
    List<Token> tokens = Analysis.tokens(analyzer, field, clause.text());
    if (tokens.isEmpty()) {
      return null;
    }
    if (clause.prefix()) {
      if (variant == Variant.EXACT && family.syllabic) {
        return null; // prefixes are matched folded only: "lao*" should find "Lào"
      }
      BooleanQuery.Builder words = new BooleanQuery.Builder();
      for (int i = 0; i < tokens.size() - 1; i++) {
        words.add(new TermQuery(new Term(field, tokens.get(i).term())), Occur.MUST);
      }
      String last = tokens.get(tokens.size() - 1).term();
      // Constant score: a short prefix may expand to thousands of terms.
      words.add(new PrefixQuery(new Term(field, last)), Occur.MUST);
      return words.build();
    }
    if (tokens.size() == 1) {
      Term term = new Term(field, tokens.get(0).term());
      Query exact = new TermQuery(term);
      int letters = term.text().codePointCount(0, term.text().length());
      if (fuzzy && letters >= FUZZY_MIN_LETTERS) {
        int edits = letters >= 8 ? 2 : 1;
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        either.add(exact, Occur.SHOULD);
        either.add(new FuzzyQuery(term, edits, 1, 50, true), Occur.SHOULD);
        return either.build();
      }
      return exact;
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    for (Token token : tokens) {
      phrase.add(new Term(field, token.term()), token.position());
    }
    return phrase.build();
  }

  /**
   * A word that may be two words run together, as Vietnamese place names are often written abroad
   * ("sapa", "laocai", "hanoi"): each way of cutting it in two, looked up as a syllable pair or,
   * where the part keeps no pairs, as a two-word phrase. Only in the relaxed pass, since a cut can
   * also meet an unrelated pair.
   */
  private List<Query> joined(Clause clause, Family family, Part part) {
    String word = clause.text();
    int letters = word.codePointCount(0, word.length());
    if (clause.phrase()
        || clause.prefix()
        || letters < JOINED_MIN_LETTERS
        || letters > JOINED_MAX_LETTERS) {
      return List.of();
    }
    boolean pairs = family.syllabic && Fields.has(part, family, Variant.SHINGLES);
    Variant variant = pairs ? Variant.SHINGLES : family.syllabic ? Variant.FOLDED : Variant.EXACT;
    String field = Fields.text(part, family, variant);
    Analyzer analyzer = analysis.of(family, variant);
    List<Query> cuts = new ArrayList<>();
    for (int letter = 1; letter < letters; letter++) {
      int at = word.offsetByCodePoints(0, letter);
      addCut(cuts, analyzer, field, pairs, word.substring(0, at) + " " + word.substring(at));
    }
    for (String cut : threeSyllables(analysis.fold(word))) {
      addCut(cuts, analyzer, field, pairs, cut);
    }
    return cuts;
  }

  /** A cut as its words: pairs each as a term, all required; else the words as a phrase. */
  private static void addCut(
      List<Query> cuts, Analyzer analyzer, String field, boolean pairs, String cut) {
    int words = cut.split(" ").length;
    List<Token> tokens = Analysis.tokens(analyzer, field, cut);
    if (pairs && tokens.size() == words - 1) {
      if (tokens.size() == 1) {
        cuts.add(new TermQuery(new Term(field, tokens.get(0).term())));
        return;
      }
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      tokens.forEach(t -> all.add(new TermQuery(new Term(field, t.term())), Occur.MUST));
      cuts.add(all.build());
    } else if (!pairs && tokens.size() == words) {
      cuts.add(new PhraseQuery(field, tokens.stream().map(Token::term).toArray(String[]::new)));
    }
  }

  /**
   * The ways of cutting a folded word into three Vietnamese syllables ("mucangchai" → "mu cang
   * chai", "dienbienphu", "hochiminh"): names of three syllables are written as one word abroad
   * too. Cutting at every two letters would give dozens of cuts; only the pieces shaped like a
   * syllable are kept, which leaves a few (one for "dienbienphu", six for "hochiminh"), at most
   * {@value #THREE_SYLLABLES_MAX_CUTS}.
   */
  static List<String> threeSyllables(String folded) {
    List<String> cuts = new ArrayList<>();
    int length = folded.length();
    if (length < THREE_SYLLABLES_MIN_LETTERS || length > JOINED_MAX_LETTERS) {
      return cuts;
    }
    for (int first = 1; first < length - 1 && cuts.size() < THREE_SYLLABLES_MAX_CUTS; first++) {
      if (!SYLLABLE.matcher(folded.substring(0, first)).matches()) {
        continue;
      }
      for (int second = first + 1;
          second < length && cuts.size() < THREE_SYLLABLES_MAX_CUTS;
          second++) {
        String middle = folded.substring(first, second);
        String last = folded.substring(second);
        if (SYLLABLE.matcher(middle).matches() && SYLLABLE.matcher(last).matches()) {
          cuts.add(folded.substring(0, first) + " " + middle + " " + last);
        }
      }
    }
    return cuts;
  }

  /** Whether the relaxed pass could find more: a word long enough for typos or for cutting. */
  static boolean relaxable(UserQuery query) {
    return query.positive().stream()
        .anyMatch(
            c ->
                !c.prefix()
                    && c.text().codePointCount(0, c.text().length())
                        >= Math.min(FUZZY_MIN_LETTERS, JOINED_MIN_LETTERS));
  }

  /** The query's required words that are neither phrases nor prefixes, in the order typed. */
  private static String plainWords(UserQuery query) {
    return String.join(
        " ",
        query.required().stream()
            .filter(g -> g.size() == 1 && !g.get(0).phrase() && !g.get(0).prefix())
            .map(g -> g.get(0).text())
            .toList());
  }

  /**
   * Score for the query's adjacent words standing together in a syllabic family's body, as the
   * pairs of titles and summaries give it: each adjacent two as a phrase of the body's folded
   * syllables, with the weight a pair has. Bodies keep no pairs (see {@link Fields#has}), and
   * reading positions for every match would be dear, so this rescores the best hits only; null when
   * the query has no two plain words or no syllabic family is searched.
   */
  Query bodyAdjacency(UserQuery query, Collection<Family> families) {
    String words = plainWords(query);
    BooleanQuery.Builder bonus = new BooleanQuery.Builder();
    boolean any = false;
    for (Family family : families) {
      if (!family.syllabic) {
        continue;
      }
      String field = Fields.text(Part.BODY, family, Variant.FOLDED);
      List<Token> tokens = Analysis.tokens(analysis.of(family, Variant.FOLDED), field, words);
      for (int i = 1; i < tokens.size(); i++) {
        Query pair = new PhraseQuery(field, tokens.get(i - 1).term(), tokens.get(i).term());
        bonus.add(new BoostQuery(pair, Part.BODY.boost * Variant.SHINGLES.boost), Occur.SHOULD);
        any = true;
      }
    }
    return any ? bonus.build() : null;
  }

  /** Score for the query's words standing together, as typed. */
  private void addAdjacencyBonus(BooleanQuery.Builder builder, Family family, String words) {
    if (words.isBlank()) {
      return;
    }
    for (Part part : Part.values()) {
      if (family.syllabic && Fields.has(part, family, Variant.SHINGLES)) {
        String field = Fields.text(part, family, Variant.SHINGLES);
        List<Token> pairs = Analysis.tokens(analysis.of(family, Variant.SHINGLES), field, words);
        for (Token pair : pairs) {
          builder.add(
              new BoostQuery(
                  new TermQuery(new Term(field, pair.term())), part.boost * Variant.SHINGLES.boost),
              Occur.SHOULD);
        }
      }
      if (family.syllabic && part == Part.BODY) {
        // Reading the positions of common syllables over every matching body costs more than it
        // adds: bodies are rewarded for the best hits only, by bodyAdjacency.
        continue;
      }
      Variant variant = family.syllabic ? Variant.FOLDED : Variant.EXACT;
      String field = Fields.text(part, family, variant);
      List<Token> tokens = Analysis.tokens(analysis.of(family, variant), field, words);
      if (tokens.size() > 1) {
        PhraseQuery.Builder near = new PhraseQuery.Builder().setSlop(PROXIMITY_SLOP);
        tokens.forEach(t -> near.add(new Term(field, t.term()), t.position()));
        builder.add(new BoostQuery(near.build(), part.boost), Occur.SHOULD);
      }
    }
  }
}
