package vn.storybank.core.testing;

/** For tests that race operations and then look at which one failed, and how. */
public final class Failures {
  private Failures() {}

  /** What {@code work} threw, or null when it succeeded. */
  public static RuntimeException of(Runnable work) {
    try {
      work.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
