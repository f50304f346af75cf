package vn.storybank.core.changelog;

import java.util.List;

/**
 * The change log as a follower reads it: the seam between the search index and the database, so
 * that search can be tested over an in-memory log. {@link ChangeService} reads the database.
 */
public interface ChangeFeed {
  /** Every tenant's committed changes after the position, oldest first, at most {@code limit}. */
  List<ChangeView> afterAll(long position, int limit);

  /** The position of the last committed change, 0 when there is none. */
  long head();
}
