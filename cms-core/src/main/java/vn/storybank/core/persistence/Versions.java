package vn.storybank.core.persistence;

import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;

/** Optimistic concurrency for clients: a write may name the version it was based on. */
public final class Versions {
  private Versions() {}

  /**
   * @param expected the version the client last saw (from {@code If-Match}), or null for none
   */
  public static void check(Long expected, long actual, String what) {
    if (expected != null && expected != actual) {
      throw new StorybankException(
          ErrorKind.STALE_VERSION,
          what
              + " is at version "
              + actual
              + ", not "
              + expected
              + " as If-Match says: someone changed it meanwhile. Reload it and apply your change"
              + " again.");
    }
  }
}
