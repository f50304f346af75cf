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
import org.apache.lucene.util.BytesRef;

/**
 * Counts facet values over the matching documents. Every facet value of a document is one value of
 * the shared {@link Fields#FACETS} doc-values field, encoded as facet and value; counting is one
 * doc-values lookup per matching document and an array increment per value (by ordinal, per
 * segment), and ordinals become facets and strings once per segment at the end. Eleven separate
 * fields took eleven lookups per document.
 */
final class FacetCounts
    implements CollectorManager<FacetCounts.Counter, Map<Facet, Map<String, Long>>> {
  private static final char SEPARATOR = '\u001f';
  private static final Map<String, Facet> BY_PARAMETER = new HashMap<>();

  static {
    for (Facet facet : Facet.values()) {
      BY_PARAMETER.put(facet.parameter(), facet);
    }
  }

  private final Set<Facet> facets;

  FacetCounts(Set<Facet> facets) {
    this.facets = facets;
  }

  /** The doc value of one facet value. */
  static BytesRef encode(Facet facet, String value) {
    return new BytesRef(facet.parameter() + SEPARATOR + value);
  }

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public Map<Facet, Map<String, Long>> reduce(Collection<Counter> counters) throws IOException {
    Map<Facet, Map<String, Long>> merged = new EnumMap<>(Facet.class);
    for (Facet facet : facets) {
      merged.put(facet, new HashMap<>());
    }
    for (Counter counter : counters) {
      for (Segment segment : counter.segments) {
        int[] counts = segment.counts;
        Decoded decoded = segment.decoded;
        for (int ord = 0; ord < counts.length; ord++) {
          if (counts[ord] > 0) {
            Map<String, Long> target = merged.get(decoded.facets[ord]);
            if (target != null) {
              target.merge(decoded.values[ord], (long) counts[ord], Long::sum);
            }
          }
        }
      }
    }
    return merged;
  }

  /** A segment's ordinals as facets and values, decoded once per segment and kept with it. */
  /** A segment's ordinals as facets and values, decoded once per segment. */
  private record Decoded(Facet[] facets, String[] values) {
    private static final PerSegment<Decoded> SEGMENTS = new PerSegment<>();

    static Decoded of(LeafReaderContext context, SortedSetDocValues values) throws IOException {
      return SEGMENTS.get(
          context,
          segment -> {
            int count = Math.toIntExact(values.getValueCount());
            Decoded decoded = new Decoded(new Facet[count], new String[count]);
            for (int ord = 0; ord < count; ord++) {
              String encoded = values.lookupOrd(ord).utf8ToString();
              int separator = encoded.indexOf(SEPARATOR);
              decoded.facets[ord] = BY_PARAMETER.get(encoded.substring(0, separator));
              decoded.values[ord] = encoded.substring(separator + 1);
            }
            return decoded;
          });
    }
  }

  private record Segment(Decoded decoded, int[] counts) {}

  static final class Counter implements Collector {
    private final List<Segment> segments = new ArrayList<>();

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedSetDocValues values = DocValues.getSortedSet(context.reader(), Fields.FACETS);
      int[] counts = new int[Math.toIntExact(values.getValueCount())];
      segments.add(new Segment(Decoded.of(context, values), counts));
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (values.advanceExact(doc)) {
            for (int i = values.docValueCount(); i > 0; i--) {
              counts[(int) values.nextOrd()]++;
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
