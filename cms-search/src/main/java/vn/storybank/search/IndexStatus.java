package vn.storybank.search;

/**
 * How this node's index stands.
 *
 * @param position the change-log sequence number the index reflects
 * @param documents live documents (one per entry and locale)
 * @param sizeBytes the live generation's size on disk
 * @param segments the live generation's segments: every search pays per segment, and the follower
 *     merges the small ones its commits leave when it goes idle
 * @param caughtUp whether the follower has reached the end of the log since start
 * @param rebuilding whether a rebuild is running beside the live index
 * @param lastError the follower's last failure, null when its last round succeeded
 */
public record IndexStatus(
    long position,
    int documents,
    long sizeBytes,
    int segments,
    boolean caughtUp,
    boolean rebuilding,
    String lastError) {}
