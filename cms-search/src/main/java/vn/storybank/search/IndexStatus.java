package vn.storybank.search;

/**
 * How this node's index stands.
 *
 * @param position the change-log sequence number the index reflects
 * @param head the sequence number of the last committed change (null when the database cannot be
 *     read)
 * @param changesBehind committed changes not yet in the index: {@code head - position}, since
 *     sequence numbers have no gaps (an imported entry is one change)
 * @param lagSeconds the age of the oldest change not yet in the index, 0 when there is none
 * @param documents live documents (one per entry and locale)
 * @param sizeBytes the live generation's size on disk
 * @param segments the live generation's segments: every search pays per segment, and the follower
 *     merges the small ones its commits leave when it goes idle
 * @param caughtUp whether the index is at the head of the change log now
 * @param ready whether it has caught up once since start (readiness): from then on it answers
 *     searches, behind by {@code changesBehind} while it follows
 * @param rebuilding whether a rebuild is running beside the live index
 * @param lastError the follower's last failure, null when its last round succeeded
 */
public record IndexStatus(
    long position,
    Long head,
    Long changesBehind,
    Long lagSeconds,
    int documents,
    long sizeBytes,
    int segments,
    boolean caughtUp,
    boolean ready,
    boolean rebuilding,
    String lastError) {}
