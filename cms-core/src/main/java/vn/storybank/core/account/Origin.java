package vn.storybank.core.account;

/**
 * The network address of the request the current thread serves, for the audit log. The web layer
 * sets it when a request starts and clears it when it ends; a ThreadLocal rather than a parameter
 * so that the services need not pass it along with the {@link Actor}. In-process callers (tests,
 * demo content) have none.
 */
public final class Origin {
  private static final ThreadLocal<String> ADDRESS = new ThreadLocal<>();

  private Origin() {}

  public static void set(String address) {
    ADDRESS.set(address);
  }

  public static void clear() {
    ADDRESS.remove();
  }

  static String address() {
    return ADDRESS.get();
  }
}
