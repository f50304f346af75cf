package vn.storybank.search;

import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import vn.storybank.search.Analysis.Token;
import vn.storybank.search.Fields.Part;
import vn.storybank.search.Fields.Variant;

/**
 * The fields of a syllabic text (exact, folded, folded pairs, as the part {@link Fields#has has}
 * them) from one pass of the tokenizer: word breaking is the expensive step of the analysis, and
 * the three analyzers of {@link Analysis} would each do it again. Each field gets exactly the terms
 * its query-side analyzer produces (tested in {@code AnalysisTest}), so queries analysed the usual
 * way match.
 */
final class SyllableFields {
  private static final Normalizer2 EXACT = Normalizer2.getNFKCCasefoldInstance();
  private static final Normalizer2 FOLDED = ICUFoldingFilter.NORMALIZER;

  private static final Analyzer WORDS =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer source = new StandardTokenizer();
          return new TokenStreamComponents(source, new CJKWidthFilter(source));
        }
      };

  /**
   * Pairs are only ever looked up as single terms (a pair is already two adjacent syllables), so
   * they keep no positions: that leaves out a third of what a Vietnamese text writes to the index.
   * Nor do they keep norms: a pair only lifts documents that hold the syllables side by side, for
   * which the text's length says little, and writing a segment looks up the norm of every posting
   * of every term. Pair terms are many and mostly rare, and a locale's fields are in only some of a
   * segment's documents, where each norm lookup scans the segment's list of documents with the
   * field: with the rebuild's smaller segments of the time, that scanning was a quarter of its
   * indexing time.
   */
  private static final FieldType PAIRS = new FieldType(TextField.TYPE_NOT_STORED);

  static {
    PAIRS.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    PAIRS.setOmitNorms(true);
    PAIRS.freeze();
  }

  private SyllableFields() {}

  static List<Field> of(Part part, Family family, String text) {
    List<Token> words = Analysis.tokens(WORDS, "words", text);
    List<String> folded = normalized(words, FOLDED::normalize);
    List<Field> fields = new ArrayList<>(3);
    if (Fields.has(part, family, Variant.EXACT)) {
      fields.add(field(part, family, Variant.EXACT, normalized(words, EXACT::normalize)));
    }
    fields.add(field(part, family, Variant.FOLDED, folded));
    if (Fields.has(part, family, Variant.SHINGLES)) {
      List<String> pairs = new ArrayList<>(Math.max(0, folded.size() - 1));
      for (int i = 1; i < folded.size(); i++) {
        pairs.add(folded.get(i - 1) + " " + folded.get(i));
      }
      fields.add(field(part, family, Variant.SHINGLES, pairs));
    }
    return fields;
  }

  private static List<String> normalized(List<Token> words, UnaryOperator<String> normalizer) {
    List<String> terms = new ArrayList<>(words.size());
    for (Token word : words) {
      terms.add(normalizer.apply(word.term()));
    }
    return terms;
  }

  private static Field field(Part part, Family family, Variant variant, List<String> terms) {
    return new Field(
        Fields.text(part, family, variant),
        new Replay(terms),
        variant == Variant.SHINGLES ? PAIRS : TextField.TYPE_NOT_STORED);
  }

  /** Replays terms, one position each. */
  private static final class Replay extends TokenStream {
    private final List<String> terms;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private int next;

    Replay(List<String> terms) {
      this.terms = terms;
    }

    @Override
    public boolean incrementToken() {
      if (next >= terms.size()) {
        return false;
      }
      clearAttributes();
      term.setEmpty().append(terms.get(next++));
      increment.setPositionIncrement(1);
      return true;
    }

    @Override
    public void reset() {
      next = 0;
    }
  }
}
