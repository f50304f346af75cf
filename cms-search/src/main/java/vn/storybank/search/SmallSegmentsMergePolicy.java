package vn.storybank.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * Lucene's tiered policy, plus one merge it does not make: the small segments that the follower's
 * commits leave behind, merged into one when the index is asked explicitly ({@link
 * org.apache.lucene.index.IndexWriter#maybeMerge()}, which the follower calls when it goes idle).
 *
 * <p>The tiered policy lets some ten segments gather at each size tier before merging them, so an
 * index that was merged down to a few large segments grows a tail of a dozen small ones within a
 * few hundred edits, and every search pays per segment (term lookups in each field, scorers, facet
 * and scope arrays): in the 600,000-document benchmark the median query went from 4.6 to 5.0–5.8
 * ms. Merging only the small ones costs little (each holds less than a hundredth of the index, or
 * less than 2 MB), and doing it when idle keeps it out of the way of a burst of writes.
 */
final class SmallSegmentsMergePolicy extends FilterMergePolicy {
  /** Below this share of the whole index, or below {@link #SMALL_BYTES}, a segment is small. */
  private static final double SMALL_SHARE = 0.01;

  /** Lucene's own floor: the tiered policy treats all segments below it as one size. */
  private static final long SMALL_BYTES = 2L << 20;

  /** Fewer small segments than this are left alone. */
  private static final int SMALL_SEGMENTS_TO_MERGE = 3;

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
    return smallSegmentsMerge(infos, context);
  }

  private MergeSpecification smallSegmentsMerge(SegmentInfos infos, MergeContext context)
      throws IOException {
    long total = 0;
    for (SegmentCommitInfo info : infos) {
      total += size(info, context);
    }
    double smallBelow = Math.max(SMALL_BYTES, total * SMALL_SHARE);
    Set<SegmentCommitInfo> merging = context.getMergingSegments();
    List<SegmentCommitInfo> small = new ArrayList<>();
    for (SegmentCommitInfo info : infos) {
      if (!merging.contains(info) && size(info, context) < smallBelow) {
        small.add(info);
      }
    }
    if (small.size() < SMALL_SEGMENTS_TO_MERGE) {
      return null;
    }
    MergeSpecification spec = new MergeSpecification();
    spec.add(new MergePolicy.OneMerge(small));
    return spec;
  }
}
