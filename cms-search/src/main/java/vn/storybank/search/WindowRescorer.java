package vn.storybank.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Adds a second query's score to the best hits of a first pass and reorders them.
 *
 * <p>Always the same window of best hits, whatever the page: a window as deep as the page would
 * reorder hits differently from page to page, and a hit could show on two pages or on none. Beyond
 * the window hits keep the first pass's order; the window's scores only grow, so the order stays by
 * score.
 *
 * <p>Not Lucene's {@code QueryRescorer}: it advances the second query's full iterator to each hit,
 * and for a phrase that walks on past the hit, checking positions in every later document holding
 * the words, to the next one where they stand together: a tenth of a search's time in the
 * benchmark. Here only the cheap approximation is advanced, and positions are read for the hits
 * themselves.
 */
final class WindowRescorer {
  private static final Comparator<ScoreDoc> BY_SCORE =
      Comparator.<ScoreDoc>comparingDouble(d -> -d.score).thenComparingInt(d -> d.doc);

  private WindowRescorer() {}

  /** The first {@code wanted} hits of {@code top}, its best {@code window} rescored. */
  static TopDocs rescore(IndexSearcher searcher, TopDocs top, Query bonus, int window, int wanted)
      throws IOException {
    ScoreDoc[] all = top.scoreDocs;
    ScoreDoc[] best = new ScoreDoc[Math.min(window, all.length)];
    for (int i = 0; i < best.length; i++) {
      best[i] = new ScoreDoc(all[i].doc, all[i].score, all[i].shardIndex);
    }
    addScores(searcher, best, bonus);
    Arrays.sort(best, BY_SCORE);
    ScoreDoc[] shown = new ScoreDoc[Math.min(wanted, all.length)];
    for (int i = 0; i < shown.length; i++) {
      shown[i] = i < best.length ? best[i] : all[i];
    }
    return new TopDocs(top.totalHits, shown);
  }

  private static void addScores(IndexSearcher searcher, ScoreDoc[] hits, Query bonus)
      throws IOException {
    ScoreDoc[] byDoc = hits.clone();
    Arrays.sort(byDoc, Comparator.comparingInt(d -> d.doc));
    Weight weight = searcher.createWeight(searcher.rewrite(bonus), ScoreMode.COMPLETE, 1);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int leaf = -1;
    LeafReaderContext context = null;
    Scorer scorer = null;
    TwoPhaseIterator positions = null;
    DocIdSetIterator candidates = null;
    for (ScoreDoc hit : byDoc) {
      while (context == null || hit.doc >= context.docBase + context.reader().maxDoc()) {
        context = leaves.get(++leaf);
        scorer = weight.scorer(context);
        positions = scorer == null ? null : scorer.twoPhaseIterator();
        candidates =
            scorer == null
                ? null
                : positions == null ? scorer.iterator() : positions.approximation();
      }
      if (scorer == null) {
        continue;
      }
      int target = hit.doc - context.docBase;
      if (candidates.docID() < target) {
        candidates.advance(target);
      }
      if (candidates.docID() == target && (positions == null || positions.matches())) {
        hit.score += scorer.score();
      }
    }
  }
}
