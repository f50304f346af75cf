package vn.storybank.search;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import vn.storybank.search.Fields.Part;
import vn.storybank.search.Fields.Variant;

/**
 * The analyzers. Vietnamese has no analyzer in Lucene (word segmentation needs a dictionary whose
 * tools are GPL or native), so Vietnamese text is split into syllables and indexed three ways:
 * exact (case-folded, diacritics kept) so that "lá" ranks "lá" first, folded (diacritics removed, đ
 * → d) so that "lao cai" finds "Lào Cai", and folded syllable pairs (shingles) so that the
 * syllables of one word ("ruộng bậc thang") score above the same syllables scattered through the
 * text.
 */
final class Analysis {
  private static final Normalizer2 NFKC_CASEFOLD =
      Normalizer2.getInstance(null, "nfkc_cf", Normalizer2.Mode.COMPOSE);

  private final Analyzer exact = new SyllableAnalyzer(Variant.EXACT);
  private final Analyzer folded = new SyllableAnalyzer(Variant.FOLDED);
  private final Analyzer shingles = new SyllableAnalyzer(Variant.SHINGLES);
  private final Map<Family, Analyzer> families = new EnumMap<>(Family.class);
  private final Analyzer index;

  Analysis() {
    families.put(Family.EN, new EnglishStemmingAnalyzer());
    // The dictionaries of these three take seconds to load: load them when first used, so that a
    // node starts without waiting for languages its content may not have.
    families.put(Family.ZH, new Lazy(SmartChineseAnalyzer::new));
    families.put(Family.KO, new Lazy(KoreanAnalyzer::new));
    families.put(Family.JA, new Lazy(JapaneseAnalyzer::new));
    Map<String, Analyzer> perField = new HashMap<>();
    for (Family family : Family.values()) {
      for (Part part : Part.values()) {
        if (family.syllabic) {
          if (Fields.has(part, family, Variant.EXACT)) {
            perField.put(Fields.text(part, family, Variant.EXACT), exact);
          }
          perField.put(Fields.text(part, family, Variant.FOLDED), folded);
          if (Fields.has(part, family, Variant.SHINGLES)) {
            perField.put(Fields.text(part, family, Variant.SHINGLES), shingles);
          }
        } else {
          perField.put(Fields.text(part, family, Variant.EXACT), families.get(family));
        }
      }
    }
    perField.put(Fields.SUGGEST, folded);
    index = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
  }

  /** The analyzer the index writer uses: each text field with its own. */
  Analyzer index() {
    return index;
  }

  /** The analyzer of one variant of a family's text. */
  Analyzer of(Family family, Variant variant) {
    if (!family.syllabic) {
      return families.get(family);
    }
    return switch (variant) {
      case EXACT -> exact;
      case FOLDED -> folded;
      case SHINGLES -> shingles;
    };
  }

  /** The analyzer snippets match with: the most forgiving variant of the family. */
  Analyzer matching(Family family) {
    return of(family, Variant.FOLDED);
  }

  /**
   * Hands the tokens of a text in a family's {@link #matching} form to {@code sink}: a syllabic
   * family's plain Latin text through the {@link SyllableScanner}, which gives the same tokens.
   */
  void matchingTokens(Family family, String text, TokenSink sink) {
    if (!family.syllabic || !SyllableScanner.scan(text, sink)) {
      analyse(matching(family), Fields.text(Part.BODY, family, Variant.FOLDED), text, sink);
    }
  }

  /** A single token, folded as the suggestion and prefix fields fold it. */
  String fold(String text) {
    return folded.normalize(Fields.SUGGEST, text).utf8ToString();
  }

  record Token(String term, int position, int start, int end) {}

  /** Receives the tokens of a text as the analysis makes them. */
  interface TokenSink {
    /**
     * @param term the term's characters, valid during this call only
     * @param position counting from 0, with gaps where stop words were
     */
    void accept(char[] term, int length, int position, int start, int end);
  }

  /** Hands each token of a text to {@code sink}, keeping none. */
  static void analyse(Analyzer analyzer, String field, String text, TokenSink sink) {
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        sink.accept(
            term.buffer(), term.length(), position, offset.startOffset(), offset.endOffset());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tokens of a text, with their positions (gaps where stop words were) and offsets. */
  static List<Token> tokens(Analyzer analyzer, String field, String text) {
    List<Token> tokens = new ArrayList<>();
    analyse(
        analyzer,
        field,
        text,
        (term, length, position, start, end) ->
            tokens.add(new Token(new String(term, 0, length), position, start, end)));
    return tokens;
  }

  /** An analyzer made on first use. */
  private static final class Lazy extends DelegatingAnalyzerWrapper {
    private final Supplier<Analyzer> factory;
    private volatile Analyzer analyzer;

    Lazy(Supplier<Analyzer> factory) {
      super(PER_FIELD_REUSE_STRATEGY);
      this.factory = factory;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
      Analyzer made = analyzer;
      if (made == null) {
        synchronized (this) {
          if (analyzer == null) {
            analyzer = factory.get();
          }
          made = analyzer;
        }
      }
      return made;
    }
  }

  /** Unicode word breaking (UAX #29), then one of the three Vietnamese-style treatments. */
  private static final class SyllableAnalyzer extends Analyzer {
    private final Variant variant;

    SyllableAnalyzer(Variant variant) {
      this.variant = variant;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      return new TokenStreamComponents(source, filter(new CJKWidthFilter(source)));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return variant == Variant.EXACT
          ? new ICUNormalizer2Filter(in, NFKC_CASEFOLD)
          : new ICUFoldingFilter(in);
    }

    private TokenStream filter(TokenStream in) {
      return switch (variant) {
        // NFKC + case folding: "LÀO", "lào" and a decomposed "lào" from a Mac keyboard are one
        // term.
        case EXACT -> new ICUNormalizer2Filter(in, NFKC_CASEFOLD);
        // Diacritics removed, đ → d, case folded.
        case FOLDED -> new ICUFoldingFilter(in);
        case SHINGLES -> {
          ShingleFilter pairs = new ShingleFilter(new ICUFoldingFilter(in), 2, 2);
          pairs.setOutputUnigrams(false);
          yield pairs;
        }
      };
    }
  }

  /** English with stemming; folded too, so "Lào Cai" in an English text matches "Lao Cai". */
  private static final class EnglishStemmingAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new EnglishPossessiveFilter(source);
      stream = new ICUFoldingFilter(stream);
      stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      return new TokenStreamComponents(source, new PorterStemFilter(stream));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ICUFoldingFilter(in);
    }
  }
}
