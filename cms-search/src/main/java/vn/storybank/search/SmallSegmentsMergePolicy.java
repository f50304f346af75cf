package vn.storybank.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * Lucene's tiered policy, plus two merges it does not make, when the index is asked explicitly
 * ({@link org.apache.lucene.index.IndexWriter#maybeMerge()}, which the follower calls when it goes
 * idle): the small segments that the follower's commits leave behind, merged into one; and, while
 * the index has more than {@value #IDLE_SEGMENTS} segments, its smallest ones merged into one.
 *
 * <p>The tiered policy lets some ten segments gather at each size tier before merging them, so an
 * index that was merged down to a few large segments grows a tail of a dozen small ones within a
 * few hundred edits, and every search pays per segment (term lookups in each field, scorers, facet
 * and scope arrays): in the 600,000-document benchmark the median query went from 4.6 to 5.0–5.8
 * ms. Merging only the small ones costs little (each holds less than a hundredth of the index, or
 * less than 2 MB), and doing it when idle keeps it out of the way of a burst of writes.
 *
 * <p>A bulk import leaves a tail that is not small by that measure: the 20,000-story bank imported
 * over HTTP had 14 segments, twelve of them 3 MB (a fortieth of the index each), and looking up a
 * query's terms in each was a sixth of a search's CPU; merged to 5 segments, the same search took a
 * third less CPU. One such merge rewrites at most half of the index.
 */
final class SmallSegmentsMergePolicy extends FilterMergePolicy {
  /** Below this share of the whole index, or below {@link #SMALL_BYTES}, a segment is small. */
  private static final double SMALL_SHARE = 0.01;

  /** Lucene's own floor: the tiered policy treats all segments below it as one size. */
  private static final long SMALL_BYTES = 2L << 20;

  /** Fewer small segments than this are left alone. */
  private static final int SMALL_SEGMENTS_TO_MERGE = 3;

  /** More segments than this are merged down, the smallest first, when the index is idle. */
  static final int IDLE_SEGMENTS = 5;

  /** The most of the index one merge down to {@link #IDLE_SEGMENTS} rewrites. */
  private static final double IDLE_MERGE_SHARE = 0.5;

  SmallSegmentsMergePolicy() {
    super(new TieredMergePolicy());
  }

  @Override
  public MergeSpecification findMerges(
      MergeTrigger trigger, SegmentInfos infos, MergeContext context) throws IOException {
    MergeSpecification natural = super.findMerges(trigger, infos, context);
    if (natural != null || trigger != MergeTrigger.EXPLICIT) {
      return natural;
    }
    return idleMerge(infos, context);
  }

  private MergeSpecification idleMerge(SegmentInfos infos, MergeContext context)
      throws IOException {
    long total = 0;
    for (SegmentCommitInfo info : infos) {
      total += size(info, context);
    }
    double smallBelow = Math.max(SMALL_BYTES, total * SMALL_SHARE);
    Set<SegmentCommitInfo> merging = context.getMergingSegments();
    List<SegmentCommitInfo> idle = new ArrayList<>();
    for (SegmentCommitInfo info : infos) {
      if (!merging.contains(info)) {
        idle.add(info);
      }
    }
    Map<SegmentCommitInfo, Long> sizes = new HashMap<>();
    for (SegmentCommitInfo info : idle) {
      sizes.put(info, size(info, context));
    }
    idle.sort(Comparator.comparing(sizes::get));
    List<SegmentCommitInfo> small = new ArrayList<>();
    for (SegmentCommitInfo info : idle) {
      if (sizes.get(info) < smallBelow) {
        small.add(info);
      }
    }
    if (small.size() >= SMALL_SEGMENTS_TO_MERGE) {
      return merge(small);
    }
    if (infos.size() <= IDLE_SEGMENTS || !merging.isEmpty()) {
      return null; // how many segments a running merge leaves is known when it is done
    }
    // The smallest segments, as many as leave IDLE_SEGMENTS, within the share of the index.
    int excess = infos.size() - IDLE_SEGMENTS + 1;
    List<SegmentCommitInfo> smallest = new ArrayList<>();
    long bytes = 0;
    for (SegmentCommitInfo info : idle) {
      if (smallest.size() == excess || bytes + sizes.get(info) > total * IDLE_MERGE_SHARE) {
        break;
      }
      smallest.add(info);
      bytes += sizes.get(info);
    }
    return smallest.size() >= 2 ? merge(smallest) : null;
  }

  private static MergeSpecification merge(List<SegmentCommitInfo> segments) {
    MergeSpecification spec = new MergeSpecification();
    spec.add(new MergePolicy.OneMerge(segments));
    return spec;
  }
}
