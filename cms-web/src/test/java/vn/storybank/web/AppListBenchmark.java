package vn.storybank.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The editor app's list budget, in the browser, against a running Storybank: how long from opening
 * a tenant's story list to its first page of results drawn, and from a key typed in the search box
 * to the answer drawn. Run by {@code deploy/bench/app-list}; never by {@code mvn verify}.
 *
 * <p>Arguments: base URL, username, password, tenant code, a query to type, runs.
 */
public final class AppListBenchmark {
  private AppListBenchmark() {}

  public static void main(String[] args) {
    URI base = URI.create(args[0]);
    String user = args[1];
    String password = args[2];
    String tenant = args[3];
    String typed = args[4];
    int runs = Integer.parseInt(args[5]);
    List<Double> opened = new ArrayList<>();
    List<Double> answered = new ArrayList<>();
    try (Browser browser = new Browser(base, "bench-app-list", "vi")) {
      browser.signIn(user, password);
      browser.script("localStorage.setItem('sb.tenant', arguments[0])", tenant);
      for (int run = 0; run <= runs; run++) {
        // A fresh page each time (the app's files from the browser's cache: warm), then the list.
        browser.open("#/");
        browser.find("header.top nav");
        browser.script("performance.clearMarks(); window.__opened = performance.now()");
        browser.script("location.hash = '#/stories'");
        double open = rendered(browser, "window.__opened");
        browser.script("window.__typed = performance.now()");
        browser.find("input[type=search]").sendKeys(typed);
        double answer = rendered(browser, "window.__typed");
        if (run > 0) { // the first run warms the server's caches and the JIT
          opened.add(open);
          answered.add(answer);
        }
        System.out.printf(
            "run %d: list drawn %.0f ms after opening; typed \"%s\" answered in %.0f ms%n",
            run, open, typed, answer);
      }
    }
    System.out.printf(
        "median of %d: list drawn %.0f ms; typing answered %.0f ms%n",
        runs, median(opened), median(answered));
  }

  /** Waits for the list's next 'sb-list-rendered' mark after {@code since}; its delay in ms. */
  private static double rendered(Browser browser, String since) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      Object at =
          browser.script(
              "const m = performance.getEntriesByName('sb-list-rendered', 'mark')"
                  + ".filter(e => e.startTime >= "
                  + since
                  + "); return m.length ? m[m.length - 1].startTime - "
                  + since
                  + " : null");
      if (at != null) {
        return ((Number) at).doubleValue();
      }
      Thread.onSpinWait();
    }
    throw new IllegalStateException("the list never drew its results");
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
