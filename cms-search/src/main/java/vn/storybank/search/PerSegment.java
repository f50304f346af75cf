package vn.storybank.search;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * Something worked out once per index segment and kept while the segment lives: a segment's
 * documents never change (deletions are applied by the searcher), and its entry is dropped when the
 * segment is closed, for example after a merge.
 *
 * @param <V> what is kept per segment
 */
final class PerSegment<V> {
  /** Works out the value for one segment. */
  interface Maker<V> {
    V make(LeafReaderContext context) throws IOException;
  }

  private final Map<IndexReader.CacheKey, V> segments = new ConcurrentHashMap<>();

  /** The segment's value, made now if it has none yet (two searches may both make it; one wins). */
  V get(LeafReaderContext context, Maker<V> maker) throws IOException {
    IndexReader.CacheHelper helper = context.reader().getCoreCacheHelper();
    if (helper == null) {
      return maker.make(context);
    }
    V known = segments.get(helper.getKey());
    if (known != null) {
      return known;
    }
    V made = maker.make(context);
    V earlier = segments.putIfAbsent(helper.getKey(), made);
    if (earlier != null) {
      return earlier;
    }
    helper.addClosedListener(segments::remove);
    return made;
  }
}
