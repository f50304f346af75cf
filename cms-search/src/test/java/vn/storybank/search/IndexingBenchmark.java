package vn.storybank.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.snapshot.EntrySnapshot;
import vn.storybank.core.snapshot.TermRef;
import vn.storybank.core.snapshot.TranslationSnapshot;
import vn.storybank.core.story.StoryKinds;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.search.bench.ZipfCorpus;

/**
 * The indexing side of a full rebuild without the database: the search benchmark's corpus is
 * generated as snapshots in memory and bulk-loaded exactly as {@link SearchIndex#rebuild} does
 * (same pipeline, buffer, threads and final merge). Modes, alternated run by run in one JVM:
 *
 * <ul>
 *   <li>{@code generate}: only generating the snapshots (what the other modes pay on top);
 *   <li>{@code storybank}: Storybank's documents and analysis;
 *   <li>{@code plain}: each translation's title, summary and body as three plain Lucene text fields
 *       (standard analyzer, nothing stored, no facets): what indexing this text once costs in
 *       Lucene, the floor under any design that indexes it at all.
 * </ul>
 *
 * <p>Usage: {@code IndexingBenchmark <entries> <runs> [modes, default generate,storybank,plain]
 * [buffer MB, default the setting's]}; run by {@code deploy/bench/indexing}.
 */
public final class IndexingBenchmark {
  private static final String[] GROUPS = {
    "hmong", "dao", "tay", "giay", "ha-nhi", "thai", "nung", "kinh"
  };

  private IndexingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int entries = Integer.parseInt(args[0]);
    int runs = Integer.parseInt(args[1]);
    List<String> modes =
        List.of((args.length > 2 ? args[2] : "generate,storybank,plain").split(","));
    ZipfCorpus corpus = new ZipfCorpus(42);
    Path work = Files.createTempDirectory("storybank-indexing-bench-");
    SearchSettings defaults = SearchSettings.defaults(work);
    SearchSettings settings =
        new SearchSettings(
            work,
            args.length > 3 ? Integer.parseInt(args[3]) : defaults.ramBufferMb(),
            defaults.pollInterval(),
            defaults.commitInterval(),
            defaults.rebuildThreads(),
            defaults.queryThreads());
    System.out.printf(
        Locale.ROOT,
        "%d entries x %d locales, %d analysing threads, %d MB buffer (x4 in a bulk load)%n",
        entries,
        ZipfCorpus.LOCALES.size(),
        settings.rebuildThreads(),
        settings.ramBufferMb());
    for (int run = 1; run <= runs; run++) {
      for (String mode : modes) {
        Path dir = work.resolve(mode + "-" + run);
        long wall = System.nanoTime();
        long cpu = processCpuNanos();
        long documents = run(mode, new Generated(corpus, entries), dir, settings);
        double seconds = (System.nanoTime() - wall) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "run %d %-9s %,d documents in %.1f s = %,.0f docs/s; CPU %.3f ms per document%s%n",
            run,
            mode,
            documents,
            seconds,
            documents / seconds,
            cpuSeconds * 1000 / documents,
            Files.exists(dir) ? String.format(Locale.ROOT, "; %.0f MB", size(dir) / 1e6) : "");
        IndexGeneration.deleteTree(dir);
      }
    }
    IndexGeneration.deleteTree(work);
  }

  private static long run(String mode, Generated pages, Path dir, SearchSettings settings)
      throws IOException {
    switch (mode) {
      case "generate" -> {
        return ZipfCorpus.LOCALES.size()
            * BulkLoad.fill(page -> {}, pages, settings.rebuildThreads());
      }
      case "storybank" -> {
        try (IndexGeneration generation =
            IndexGeneration.open(dir, new Analysis(), settings.ramBufferMb(), null)) {
          BulkLoad.fill(generation, pages, settings);
          generation.commit();
          generation.mergeDown(5);
          generation.refresh();
          return generation.documentCount();
        }
      }
      case "plain" -> {
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
        config.setRAMBufferSizeMB(settings.ramBufferMb() * 4.0);
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir), config)) {
          BulkLoad.fill(page -> addPlain(writer, page), pages, settings.rebuildThreads());
          writer.commit();
          writer.forceMerge(5);
          return writer.getDocStats().numDocs;
        }
      }
      default -> throw new IllegalArgumentException("Unknown mode " + mode);
    }
  }

  private static void addPlain(IndexWriter writer, List<EntrySnapshot> page) {
    try {
      for (EntrySnapshot entry : page) {
        for (TranslationSnapshot t : entry.translations()) {
          Document doc = new Document();
          doc.add(new StringField("id", entry.id().toString(), Store.NO));
          doc.add(new TextField("title", t.title(), Store.NO));
          doc.add(new TextField("summary", t.summary(), Store.NO));
          doc.add(new TextField("body", t.bodyText(), Store.NO));
          writer.addDocument(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The corpus of {@code deploy/bench/search} (same word distributions and lengths, a fifth of the
   * translations drafts), as the snapshots a rebuild would read after importing it.
   */
  private static final class Generated implements BulkLoad.Pages {
    private final ZipfCorpus corpus;
    private final int entries;
    private final Random random = new Random(7);
    private final List<TermRef> places = new ArrayList<>();
    private final List<TermRef> topics = new ArrayList<>();
    private final List<TermRef> groups = new ArrayList<>();
    private final Instant now = Instant.now();
    private int made;

    Generated(ZipfCorpus corpus, int entries) {
      this.corpus = corpus;
      this.entries = entries;
      for (int c = 0; c < 100; c++) {
        places.add(
            new TermRef(
                TermKind.PLACE,
                "commune-" + c,
                List.of("province"),
                Map.of("vi", "Xã " + corpus.text("vi", random, 2))));
      }
      for (int t = 0; t < 30; t++) {
        topics.add(
            new TermRef(
                TermKind.TOPIC,
                "topic-" + t,
                List.of(),
                Map.of("vi", "Chủ đề " + corpus.text("vi", random, 2))));
      }
      for (String group : GROUPS) {
        groups.add(new TermRef(TermKind.ETHNIC_GROUP, group, List.of(), Map.of("vi", group)));
      }
    }

    @Override
    public List<EntrySnapshot> after(UUID id, int limit) {
      List<EntrySnapshot> page = new ArrayList<>(limit);
      while (page.size() < limit && made < entries) {
        page.add(entry(made++));
      }
      return page;
    }

    private EntrySnapshot entry(int i) {
      List<TermRef> terms =
          List.of(
              places.get(random.nextInt(places.size())),
              topics.get(random.nextInt(topics.size())),
              topics.get(random.nextInt(topics.size())),
              groups.get(random.nextInt(groups.size())));
      LocalDate date =
          LocalDate.of(2015 + random.nextInt(11), 1 + random.nextInt(12), 1 + random.nextInt(28));
      double lat = 21.5 + random.nextDouble();
      double lon = 103.5 + random.nextDouble();
      List<Boolean> published = new ArrayList<>();
      List<String[]> texts = new ArrayList<>();
      for (String locale : ZipfCorpus.LOCALES) {
        boolean cjk = locale.startsWith("zh");
        texts.add(
            new String[] {
              corpus.text(locale, random, cjk ? 8 : 7),
              corpus.text(locale, random, cjk ? 40 : 30),
              corpus.text(locale, random, cjk ? 200 : 120)
                  + "\n\n"
                  + corpus.text(locale, random, cjk ? 200 : 120)
            });
        published.add(random.nextInt(5) != 0);
      }
      List<TranslationSnapshot> translations = new ArrayList<>();
      for (int l = 0; l < ZipfCorpus.LOCALES.size(); l++) {
        String locale = ZipfCorpus.LOCALES.get(l);
        String[] text = texts.get(l);
        boolean live = published.get(l);
        List<String> serves = new ArrayList<>();
        if (live) {
          serves.add(locale);
          // The other locales fall back to Vietnamese, the first one.
          for (int other = 1; l == 0 && other < published.size(); other++) {
            if (!published.get(other)) {
              serves.add(ZipfCorpus.LOCALES.get(other));
            }
          }
        }
        translations.add(
            new TranslationSnapshot(
                locale,
                text[0],
                null,
                text[1],
                text[2],
                List.of(),
                null,
                null,
                null,
                live ? TranslationStatus.PUBLISHED : TranslationStatus.DRAFT,
                live ? now : null,
                now,
                null,
                List.copyOf(serves),
                live
                    ? new TranslationSnapshot.Live(
                        text[0], null, text[1], null, text[2], List.of(), null, null, null, 1, now)
                    : null));
      }
      return new EntrySnapshot(
          new UUID(0x5e4c_0000_0000_0000L | i, random.nextLong()),
          ZipfCorpus.TENANT,
          EntryType.STORY,
          StoryKinds.ALL.get(random.nextInt(StoryKinds.ALL.size())),
          terms,
          lat,
          lon,
          date,
          null,
          null,
          false,
          List.of(),
          false,
          List.of(),
          now,
          now,
          Collections.unmodifiableList(translations));
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long size(Path dir) {
    try (var files = Files.list(dir)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException e) {
      return -1;
    }
  }
}
