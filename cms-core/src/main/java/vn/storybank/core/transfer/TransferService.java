package vn.storybank.core.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Actor;
import vn.storybank.core.account.AuditLog;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.collection.CollectionService;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryQueries;
import vn.storybank.core.entry.EntryService;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.json.Json;
import vn.storybank.core.media.MediaService;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.product.ProductService;
import vn.storybank.core.story.StoryService;
import vn.storybank.core.taxonomy.TaxonomyService;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.taxonomy.TermView;
import vn.storybank.core.tenant.TenantService;
import vn.storybank.core.tenant.TenantView;

/**
 * NDJSON import and export of a tenant: the tenant's settings, its terms, then its entries, one
 * JSON object per line in the same shape as the admin API (plus {@code "type"}). Export then import
 * reproduces the content.
 */
public final class TransferService {
  /**
   * Lines per transaction when not atomic, at most: a failure costs at most this much work again.
   * Every batch in flight (one per worker, and the one being read) is held in memory as JSON,
   * inputs and entities, several times its text; 1,000 lines of long bodies in three locales (8 KiB
   * each) kept 150 MB alive, and copying it made every young collection slow and filled the old
   * generation. Smaller batches cost one commit each (a few milliseconds).
   */
  static final int BATCH = 250;

  /** Characters of line text per batch, at most: the bound for files of long lines. */
  static final int BATCH_CHARS = 2 << 20;

  private final Transactions transactions;
  private final LongAdder importedLines = new LongAdder();
  private final AtomicInteger runningImports = new AtomicInteger();
  private final ChangeLog changeLog;
  private final TenantService tenants;
  private final TaxonomyService taxonomies;
  private final Map<EntryType, EntryService<?, ?, ?>> services = new HashMap<>();

  public TransferService(
      Transactions transactions,
      ChangeLog changeLog,
      TenantService tenants,
      TaxonomyService taxonomies,
      MediaService media,
      ProductService products,
      StoryService stories,
      CollectionService collections) {
    this.transactions = transactions;
    this.changeLog = changeLog;
    this.tenants = tenants;
    this.taxonomies = taxonomies;
    services.put(EntryType.MEDIA, media);
    services.put(EntryType.PRODUCT, products);
    services.put(EntryType.STORY, stories);
    services.put(EntryType.COLLECTION, collections);
  }

  /**
   * Imports NDJSON. The stream is first copied to a temporary file (never held in memory) and read
   * twice: once to learn which entries the file declares, so that entries may link to each other in
   * any order, and once to import.
   *
   * @param atomic all lines or none; otherwise good lines are kept and bad ones reported
   */
  public ImportReport importNdjson(String tenant, InputStream in, boolean atomic, Actor actor) {
    transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.TRANSFER);
          return null;
        });
    return importChecked(tenant, in, atomic, actor);
  }

  /** Import lines this node has finished (created, updated or failed) since it started. */
  public long importedLines() {
    return importedLines.sum();
  }

  /** Imports running on this node now. */
  public int runningImports() {
    return runningImports.get();
  }

  private ImportReport importChecked(String tenant, InputStream in, boolean atomic, Actor actor) {
    Path spool = null;
    try {
      spool = Files.createTempFile("storybank-import-", ".ndjson");
      Files.copy(in, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      ImportRun run =
          new ImportRun(
              transactions,
              changeLog,
              tenants,
              taxonomies,
              services,
              tenant,
              actor,
              atomic,
              importedLines);
      ImportReport report;
      runningImports.incrementAndGet();
      try {
        report = run.execute(spool);
      } finally {
        runningImports.decrementAndGet();
      }
      audit(tenant, report, actor);
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the import failed", e);
    } finally {
      if (spool != null) {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException e) {
          // A leftover temporary file is harmless; the import's outcome matters more.
        }
      }
    }
  }

  /** One audit row for an import that changed anything: its entries have none of their own. */
  private void audit(String tenant, ImportReport report, Actor actor) {
    if (report.created() + report.updated() == 0) {
      return;
    }
    transactions.write(
        em -> {
          AuditLog.record(
              em,
              changeLog.clock(),
              actor,
              AuditLog.IMPORT,
              tenant,
              "import",
              report.lines()
                  + " lines: "
                  + report.created()
                  + " created, "
                  + report.updated()
                  + " updated, "
                  + report.failed()
                  + " failed");
          return null;
        });
  }

  /**
   * Bundled NDJSON (demo content): runs with no permission check, since only code in this process
   * chooses a classpath resource; the actor is what the change log records.
   */
  public ImportReport importResource(String tenant, String resource, Actor actor) {
    try (InputStream in = TransferService.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      return importChecked(tenant, in, true, actor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the tenant as NDJSON: settings, terms (parents first), media, products, stories,
   * collections.
   */
  public void exportNdjson(String tenant, OutputStream out, Actor actor) {
    transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.TRANSFER);
          return null;
        });
    writeNdjson(tenant, out, actor);
  }

  /** The export itself, once the public {@code exportNdjson} has checked the actor. */
  private void writeNdjson(String tenant, OutputStream out, Actor actor) {
    TenantView settings = tenants.get(tenant, actor);
    try {
      BufferedWriter writer =
          new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      ObjectNode tenantLine = Json.mapper().valueToTree(settings);
      List.of("code", "version", "createdAt", "updatedAt").forEach(tenantLine::remove);
      writeLine(writer, "tenant", tenantLine);
      for (TermKind kind : TermKind.values()) {
        for (TermView term : parentsFirst(taxonomies.list(tenant, kind, actor))) {
          ObjectNode line = Json.mapper().valueToTree(term);
          List.of("id", "version", "createdAt", "updatedAt").forEach(line::remove);
          writeLine(writer, "term", line);
        }
      }
      for (EntryType type :
          List.of(EntryType.MEDIA, EntryType.PRODUCT, EntryType.STORY, EntryType.COLLECTION)) {
        exportEntries(tenant, services.get(type), writer);
      }
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Writing the export failed", e);
    }
  }

  private <E extends Entry> void exportEntries(
      String tenant, EntryService<E, ?, ?> service, BufferedWriter writer) throws IOException {
    UUID after = new UUID(0, 0);
    while (true) {
      UUID from = after;
      List<ObjectNode> lines =
          transactions.read(
              em ->
                  new EntryQueries(em)
                      .inIdOrder(service.entityClass(), tenant, from, 500).stream()
                          .map(e -> exportLine(service, e))
                          .toList());
      if (lines.isEmpty()) {
        return;
      }
      for (ObjectNode line : lines) {
        writer.write(Json.mapper().writeValueAsString(line));
        writer.write('\n');
      }
      after = UUID.fromString(lines.get(lines.size() - 1).get("id").asText());
    }
  }

  /**
   * An entry's line: what a client may write, plus the history an import keeps (createdAt, and each
   * published or archived translation's publishedAt), so that export → import keeps it.
   */
  private static <E extends Entry> ObjectNode exportLine(EntryService<E, ?, ?> service, Entry e) {
    ObjectNode writable = service.writableJson(service.entityClass().cast(e));
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("type", service.type().code());
    line.put("id", e.id().toString());
    line.put("createdAt", e.audit().createdAt().toString());
    line.setAll(writable);
    JsonNode translations = line.get("translations");
    if (translations instanceof ObjectNode byLocale) {
      e.translations()
          .forEach(
              (locale, t) -> {
                String status = byLocale.path(locale).path("status").asText("");
                if (t.publishedAt() != null
                    && byLocale.get(locale) instanceof ObjectNode written
                    && (status.equals("published") || status.equals("archived"))) {
                  written.put("publishedAt", t.publishedAt().toString());
                }
              });
    }
    return line;
  }

  private static void writeLine(BufferedWriter writer, String type, ObjectNode body)
      throws IOException {
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("type", type);
    line.setAll(body);
    writer.write(Json.mapper().writeValueAsString(line));
    writer.write('\n');
  }

  private static List<TermView> parentsFirst(List<TermView> terms) {
    Map<String, TermView> byCode = new HashMap<>();
    terms.forEach(t -> byCode.put(t.code(), t));
    Map<String, Integer> depth = new HashMap<>();
    for (TermView term : terms) {
      int d = 0;
      for (TermView t = term; t.parent() != null && byCode.containsKey(t.parent()); ) {
        t = byCode.get(t.parent());
        if (++d > terms.size()) {
          break;
        }
      }
      depth.put(term.code(), d);
    }
    List<TermView> sorted = new ArrayList<>(terms);
    sorted.sort(
        Comparator.comparing((TermView t) -> depth.get(t.code())).thenComparing(TermView::code));
    return sorted;
  }

  static JsonNode parse(String line) throws IOException {
    return Json.mapper().readTree(line);
  }
}
