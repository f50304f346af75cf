package vn.storybank.core.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.Actor;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestDatabases;
import vn.storybank.core.transfer.ImportReport;

/**
 * Import throughput: the synthetic corpus into a fresh database, several runs per database, median
 * reported. Run by {@code deploy/bench/import}.
 *
 * <p>Usage: {@code ImportBenchmark <stories> <locales> <runs> <h2|postgres>...}
 */
public final class ImportBenchmark {
  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int stories = Integer.parseInt(args[0]);
    int locales = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    Path work = Files.createTempDirectory("storybank-bench-");
    Path corpus = work.resolve("corpus.ndjson");
    SyntheticCorpus.write(corpus, stories, locales, 42L);
    System.out.printf(
        Locale.ROOT,
        "corpus: %d stories x %d locales, %.1f MB%n",
        stories,
        locales,
        Files.size(corpus) / 1e6);
    for (int d = 3; d < args.length; d++) {
      String database = args[d];
      List<Double> rates = new ArrayList<>();
      // Run 0 warms the JIT (a server imports with a warm JIT); it is printed, not counted.
      for (int run = 0; run <= runs; run++) {
        DatabaseSettings settings = TestDatabases.of(database, work.resolve(database + "-" + run));
        try (Storybank storybank = Storybank.start(settings, Clock.systemUTC());
            InputStream in = Files.newInputStream(corpus)) {
          long start = System.nanoTime();
          ImportReport report =
              storybank
                  .transfer()
                  .importNdjson(SyntheticCorpus.TENANT, in, false, Actor.superAdmin());
          double seconds = (System.nanoTime() - start) / 1e9;
          if (report.failed() > 0) {
            throw new IllegalStateException("benchmark import failed: " + report.errors());
          }
          double rate = stories / seconds;
          if (run > 0) {
            rates.add(rate);
          }
          System.out.printf(
              Locale.ROOT,
              "%s %s: %.2f s, %.0f stories/s%n",
              database,
              run == 0 ? "warm-up" : "run " + run,
              seconds,
              rate);
        }
      }
      rates.sort(Double::compare);
      System.out.printf(
          Locale.ROOT,
          "%s median: %.0f stories/s (%d locales each, %d runs)%n",
          database,
          rates.get(rates.size() / 2),
          locales,
          runs);
    }
    System.exit(0);
  }
}
