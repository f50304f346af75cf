package vn.storybank.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts facet values over the matching documents, from the keyword fields' doc values: per segment
 * by ordinal (an array increment per value), resolved to strings once per segment at the end.
 */
final class FacetCounts
    implements CollectorManager<FacetCounts.Counter, Map<Facet, Map<String, Long>>> {
  private final Set<Facet> facets;

  FacetCounts(Set<Facet> facets) {
    this.facets = facets;
  }

  @Override
  public Counter newCollector() {
    return new Counter(facets);
  }

  @Override
  public Map<Facet, Map<String, Long>> reduce(Collection<Counter> counters) throws IOException {
    Map<Facet, Map<String, Long>> merged = new EnumMap<>(Facet.class);
    for (Facet facet : facets) {
      merged.put(facet, new HashMap<>());
    }
    for (Counter counter : counters) {
      for (Segment segment : counter.segments) {
        for (int f = 0; f < segment.values.length; f++) {
          SortedSetDocValues values = segment.values[f];
          int[] counts = segment.counts[f];
          Map<String, Long> target = merged.get(counter.order[f]);
          for (int ord = 0; ord < counts.length; ord++) {
            if (counts[ord] > 0) {
              target.merge(values.lookupOrd(ord).utf8ToString(), (long) counts[ord], Long::sum);
            }
          }
        }
      }
    }
    return merged;
  }

  private record Segment(SortedSetDocValues[] values, int[][] counts) {}

  static final class Counter implements Collector {
    private final Facet[] order;
    private final List<Segment> segments = new ArrayList<>();

    Counter(Set<Facet> facets) {
      this.order = facets.toArray(new Facet[0]);
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedSetDocValues[] values = new SortedSetDocValues[order.length];
      int[][] counts = new int[order.length][];
      for (int f = 0; f < order.length; f++) {
        values[f] = DocValues.getSortedSet(context.reader(), order[f].field);
        counts[f] = new int[Math.toIntExact(values[f].getValueCount())];
      }
      segments.add(new Segment(values, counts));
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          for (int f = 0; f < values.length; f++) {
            SortedSetDocValues dv = values[f];
            if (dv.advanceExact(doc)) {
              int[] c = counts[f];
              for (int i = dv.docValueCount(); i > 0; i--) {
                c[(int) dv.nextOrd()]++;
              }
            }
          }
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
