package vn.storybank.search;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The filters every search of one scope repeats (tenant, audience, locale, rights), kept as one bit
 * set per index segment. Lucene's own query cache never caches term queries, so each search walked
 * the tenant's and the locale's postings again beside the text's; a bit set answers "is this
 * document in scope" in a few instructions. Segments never change their documents (deletions are
 * applied by the searcher), so a segment's bits stay right until the segment is merged away, when
 * they are dropped with it.
 */
final class ScopeFilter extends Query {
  /** Bit sets kept per segment: the scopes searched lately, the oldest dropped first. */
  private static final int SCOPES_PER_SEGMENT = 64;

  private static final PerSegment<Map<ScopeFilter, Bits>> SEGMENTS = new PerSegment<>();

  private final List<Query> filters;

  ScopeFilter(List<Query> filters) {
    this.filters = List.copyOf(filters);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext context) throws IOException {
        Bits bits = bits(searcher, context);
        if (bits.cardinality == 0) {
          return null; // nothing of this scope here: the search skips the segment
        }
        return new ConstantScoreScorer(
            this, score(), scoreMode, new BitSetIterator(bits.set, bits.cardinality));
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return false; // kept here already
      }
    };
  }

  /** A segment's matches, and how many (counting them on every search showed in profiles). */
  private record Bits(FixedBitSet set, int cardinality) {}

  private Bits bits(IndexSearcher searcher, LeafReaderContext context) throws IOException {
    Map<ScopeFilter, Bits> segment =
        SEGMENTS.get(
            context,
            c ->
                Collections.synchronizedMap(
                    new LinkedHashMap<>(16, 0.75f, true) {
                      @Override
                      protected boolean removeEldestEntry(Map.Entry<ScopeFilter, Bits> e) {
                        return size() > SCOPES_PER_SEGMENT;
                      }
                    }));
    Bits bits = segment.get(this);
    if (bits == null) {
      // Two searches may compute the same bits at once; either result is right.
      bits = compute(searcher, context);
      segment.put(this, bits);
    }
    return bits;
  }

  private Bits compute(IndexSearcher searcher, LeafReaderContext context) throws IOException {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    filters.forEach(f -> all.add(f, Occur.FILTER));
    Weight weight =
        searcher.createWeight(searcher.rewrite(all.build()), ScoreMode.COMPLETE_NO_SCORES, 1f);
    FixedBitSet bits = new FixedBitSet(context.reader().maxDoc());
    BulkScorer scorer = weight.bulkScorer(context);
    if (scorer != null) {
      // Deleted documents too: the searcher skips them, and deletions change without the segment.
      scorer.score(
          new LeafCollector() {
            @Override
            public void setScorer(Scorable scorable) {}

            @Override
            public void collect(int doc) {
              bits.set(doc);
            }
          },
          null,
          0,
          DocIdSetIterator.NO_MORE_DOCS);
    }
    return new Bits(bits, bits.cardinality());
  }

  @Override
  public void visit(QueryVisitor visitor) {
    QueryVisitor filtered = visitor.getSubVisitor(Occur.FILTER, this);
    filters.forEach(f -> f.visit(filtered));
  }

  @Override
  public String toString(String field) {
    return "scope" + filters;
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && filters.equals(((ScopeFilter) other).filters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), filters);
  }
}
