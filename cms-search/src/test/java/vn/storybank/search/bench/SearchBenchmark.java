package vn.storybank.search.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.Actor;
import vn.storybank.core.entry.TranslationInput;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.snapshot.EntrySnapshot;
import vn.storybank.core.story.StoryInput;
import vn.storybank.core.testing.TestDatabases;
import vn.storybank.core.transfer.ImportReport;
import vn.storybank.search.SearchIndex;
import vn.storybank.search.SearchRequest;
import vn.storybank.search.SearchRequest.Audience;
import vn.storybank.search.SearchService;
import vn.storybank.search.SearchSettings;

/**
 * The search benchmark: indexing rate, index size and heap, query latency (one and two threads) for
 * a fixed query mix with facets, the same queries as PostgreSQL ILIKE, and how long a committed
 * change takes to become searchable. Run by {@code deploy/bench/search}.
 *
 * <p>Usage: {@code SearchBenchmark <entries> <runs> [queries compared with ILIKE, default 100]}
 */
public final class SearchBenchmark {
  private static final int QUERIES = 2000;

  private SearchBenchmark() {}

  record Query(String text, String locale) {}

  public static void main(String[] args) throws Exception {
    int entries = Integer.parseInt(args[0]);
    int runs = Integer.parseInt(args[1]);
    int compared = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    // BENCH_KEEP=<folder> keeps the database and the last index there: a later run with the same
    // folder skips the corpus and the import, and with runs=0 also the index build, so query work
    // can be measured again in a minute instead of twelve.
    String keep = System.getenv("BENCH_KEEP");
    Path work =
        keep == null || keep.isBlank()
            ? Files.createTempDirectory("storybank-search-bench-")
            : Files.createDirectories(Path.of(keep));
    ZipfCorpus corpus = new ZipfCorpus(42);
    boolean imported = Files.exists(work.resolve("imported"));
    DatabaseSettings database =
        keep == null || keep.isBlank() ? TestDatabases.postgres() : kept(work);
    try (Storybank core = Storybank.start(database, Clock.systemUTC())) {
      if (!imported) {
        importCorpus(core, corpus, work, entries);
        Files.writeString(work.resolve("imported"), Integer.toString(entries));
      }

      // The database side of a rebuild alone: reading every entry as a snapshot.
      long start = System.nanoTime();
      long read = 0;
      java.util.UUID after = null;
      for (var page = runs == 0 ? List.<EntrySnapshot>of() : core.snapshots().page(null, 200);
          !page.isEmpty();
          page = core.snapshots().page(after, 200)) {
        read += page.size();
        after = page.get(page.size() - 1).id();
      }
      if (read > 0) {
        System.out.printf(
            Locale.ROOT,
            "reading snapshots from PostgreSQL alone: %.0f entries/s%n",
            read / seconds(start));
      }

      List<Double> rates = new ArrayList<>();
      SearchIndex index = null;
      for (int run = 1; run <= runs; run++) {
        if (index != null) {
          index.close();
        }
        deleteTree(work.resolve("index"));
        index =
            SearchIndex.open(
                core.changes(), core.snapshots(), SearchSettings.defaults(work.resolve("index")));
        start = System.nanoTime();
        index.rebuild();
        double took = seconds(start);
        var status = index.status();
        rates.add(status.documents() / took);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(
            Locale.ROOT,
            "index run %d: %d documents in %.1f s = %.0f docs/s; %.0f MB on disk in %d segments; heap after GC %.0f MB (max %.0f MB)%n",
            run,
            status.documents(),
            took,
            status.documents() / took,
            status.sizeBytes() / 1e6,
            status.segments(),
            heap / 1e6,
            Runtime.getRuntime().maxMemory() / 1e6);
      }
      if (!rates.isEmpty()) {
        System.out.printf(Locale.ROOT, "indexing median: %.0f docs/s%n", median(rates));
      }

      List<Query> mix = mix(corpus, new Random(7));
      SearchSettings defaults = SearchSettings.defaults(work.resolve("index"));
      // The baseline first, in the same run: each search on its caller's thread alone.
      if (index != null) {
        index.close();
      }
      index = SearchIndex.open(core.changes(), core.snapshots(), withQueryThreads(defaults, 1));
      System.out.printf(Locale.ROOT, "queries on %d segments%n", index.status().segments());
      queries(
          new SearchService(index, Clock.systemUTC()),
          mix,
          Math.max(1, runs),
          "query threads 1",
          1,
          2);
      index.close();
      index = SearchIndex.open(core.changes(), core.snapshots(), defaults);
      SearchService search = new SearchService(index, Clock.systemUTC());
      queries(search, mix, Math.max(1, runs), "query threads " + defaults.queryThreads(), 1, 2);

      List<Double> lucene = new ArrayList<>();
      List<Double> postgres = new ArrayList<>();
      try (Connection connection = core.database().dataSource().getConnection()) {
        for (int i = 0; i < compared; i++) {
          Query q = mix.get(i);
          long t = System.nanoTime();
          run(search, q);
          lucene.add(millis(t));
          t = System.nanoTime();
          ilike(connection, q);
          postgres.add(millis(t));
        }
      }
      if (compared > 0) {
        System.out.printf(
            Locale.ROOT,
            "same %d queries: Lucene p50 %.2f ms p99 %.2f ms; PostgreSQL ILIKE p50 %.1f ms p99 %.1f ms; ILIKE/Lucene at p50 = %.0fx%n",
            compared,
            percentile(lucene, 50),
            percentile(lucene, 99),
            percentile(postgres, 50),
            percentile(postgres, 99),
            percentile(postgres, 50) / percentile(lucene, 50));
      }

      index.start();
      List<Double> freshness = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String token = "tuoimoi" + i + "x";
        core.stories().create(ZipfCorpus.TENANT, story(token), Actor.superAdmin());
        long t = System.nanoTime();
        while (search.search(request(token, "vi")).total() == 0) {
          Thread.onSpinWait();
        }
        freshness.add(millis(t));
      }
      System.out.printf(
          Locale.ROOT,
          "commit to searchable (200 writes, follower polling every %d ms): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
          SearchSettings.defaults(work).pollInterval().toMillis(),
          percentile(freshness, 50),
          percentile(freshness, 99),
          Collections.max(freshness));
      Thread.sleep(3000); // idle: the follower merges the small segments the writes left
      System.out.printf(
          Locale.ROOT, "after the writes and 3 s idle: %d segments%n", index.status().segments());
      index.close();
    }
    System.exit(0);
  }

  private static void importCorpus(Storybank core, ZipfCorpus corpus, Path work, int entries)
      throws Exception {
    Path file = work.resolve("corpus.ndjson");
    corpus.write(file, entries, 42);
    System.out.printf(
        Locale.ROOT,
        "corpus: %d entries x %d locales, %.0f MB%n",
        entries,
        ZipfCorpus.LOCALES.size(),
        Files.size(file) / 1e6);
    long start = System.nanoTime();
    try (InputStream in = Files.newInputStream(file)) {
      ImportReport report =
          core.transfer().importNdjson(ZipfCorpus.TENANT, in, false, Actor.superAdmin());
      if (report.failed() > 0) {
        throw new IllegalStateException("import failed: " + report.errors());
      }
    }
    Files.delete(file);
    System.out.printf(Locale.ROOT, "imported into PostgreSQL in %.1f s%n", seconds(start));
  }

  /** A PostgreSQL server whose data folder stays in the kept work folder. */
  private static DatabaseSettings kept(Path work) throws Exception {
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(work.resolve("pgdata"))
            .setCleanDataDirectory(false)
            .start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    postgres.close();
                  } catch (java.io.IOException e) {
                    // exiting anyway
                  }
                }));
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet exists =
            s.executeQuery("select 1 from pg_database where datname = 'storybank_bench'")) {
      if (!exists.next()) {
        s.execute("create database storybank_bench");
      }
    }
    return new DatabaseSettings(
        postgres.getJdbcUrl("postgres", "storybank_bench"), "postgres", "", 10);
  }

  private static List<Query> mix(ZipfCorpus corpus, Random random) {
    List<Query> mix = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      int kind = i % 10;
      if (kind < 7) {
        int words = 1 + random.nextInt(3);
        StringBuilder q = new StringBuilder();
        for (int w = 0; w < words; w++) {
          q.append(w == 0 ? "" : " ")
              .append(
                  corpus.vietnamese.get(
                      10
                          + (int)
                              Math.min(
                                  corpus.vietnamese.size() - 11,
                                  Math.abs(random.nextGaussian()) * 400)));
        }
        String text = q.toString();
        // Half of the Vietnamese queries typed without diacritics, as on a phone keyboard.
        mix.add(new Query(kind < 4 ? text : fold(text), "vi"));
      } else {
        int words = 1 + random.nextInt(2);
        StringBuilder q = new StringBuilder();
        for (int w = 0; w < words; w++) {
          q.append(w == 0 ? "" : " ")
              .append(
                  corpus.english.get(
                      10
                          + (int)
                              Math.min(
                                  corpus.english.size() - 11,
                                  Math.abs(random.nextGaussian()) * 1000)));
        }
        mix.add(new Query(q.toString(), "en"));
      }
    }
    return mix;
  }

  static String fold(String text) {
    return Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
  }

  private static SearchRequest request(String q, String locale) {
    return SearchRequest.of(ZipfCorpus.TENANT, Audience.PUBLIC, q, locale);
  }

  /** The fixed mix after a warm-up, RUNS times per number of client threads: p50 and p99. */
  private static void queries(
      SearchService search, List<Query> mix, int runs, String label, int... clients)
      throws Exception {
    for (int i = 0; i < QUERIES; i++) {
      run(search, mix.get(i % mix.size())); // warm-up
    }
    for (int threads : clients) {
      List<Double> p50s = new ArrayList<>();
      List<Double> p99s = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        List<Double> latencies = latencies(search, mix, threads);
        p50s.add(percentile(latencies, 50));
        p99s.add(percentile(latencies, 99));
        System.out.printf(
            Locale.ROOT,
            "%s, %d client thread(s), run %d: p50 %.2f ms, p99 %.2f ms, %d queries%n",
            label,
            threads,
            run,
            percentile(latencies, 50),
            percentile(latencies, 99),
            latencies.size());
      }
      System.out.printf(
          Locale.ROOT,
          "%s, %d client thread(s), median of runs: p50 %.2f ms, p99 %.2f ms%n",
          label,
          threads,
          median(p50s),
          median(p99s));
    }
  }

  private static SearchSettings withQueryThreads(SearchSettings s, int threads) {
    return new SearchSettings(
        s.directory(),
        s.ramBufferMb(),
        s.pollInterval(),
        s.commitInterval(),
        s.rebuildThreads(),
        threads);
  }

  private static void run(SearchService search, Query q) {
    search.search(request(q.text(), q.locale()));
  }

  private static List<Double> latencies(SearchService search, List<Query> mix, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<Double>>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      parts.add(
          pool.submit(
              () -> {
                List<Double> part = new ArrayList<>();
                for (int i = offset; i < QUERIES; i += threads) {
                  long start = System.nanoTime();
                  run(search, mix.get(i % mix.size()));
                  part.add(millis(start));
                }
                return part;
              }));
    }
    List<Double> all = new ArrayList<>();
    for (Future<List<Double>> part : parts) {
      all.addAll(part.get());
    }
    pool.shutdown();
    return all;
  }

  private static void ilike(Connection connection, Query q) throws Exception {
    StringBuilder where = new StringBuilder();
    List<String> words = List.of(q.text().split(" "));
    for (int i = 0; i < words.size(); i++) {
      where.append(" and (t.title ilike ? or t.summary ilike ? or t.body ilike ?)");
    }
    String from =
        " from translation t where t.tenant_code = ? and t.locale = ? and t.status = 'PUBLISHED'"
            + where;
    for (String sql :
        List.of(
            "select count(*)" + from,
            "select t.entry_id, t.title" + from + " order by t.updated_at desc limit 20")) {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        int p = 1;
        statement.setString(p++, ZipfCorpus.TENANT);
        statement.setString(p++, q.locale());
        for (String word : words) {
          for (int k = 0; k < 3; k++) {
            statement.setString(p++, "%" + word + "%");
          }
        }
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            rows.getString(1);
          }
        }
      }
    }
  }

  private static StoryInput story(String token) {
    return new StoryInput(
        "destination",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        null,
        List.of(),
        List.of(),
        null,
        null,
        Map.of(
            "vi",
            new TranslationInput(
                "Tin mới " + token,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                TranslationStatus.PUBLISHED,
                null)));
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    if (Files.exists(root)) {
      try (var walk = Files.walk(root)) {
        walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static double millis(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(List<Double> values) {
    return percentile(values, 50);
  }

  private static double percentile(List<Double> values, int percentile) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
