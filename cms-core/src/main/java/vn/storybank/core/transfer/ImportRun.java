package vn.storybank.core.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import vn.storybank.core.account.Actor;
import vn.storybank.core.account.AuditLog;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryHeader;
import vn.storybank.core.entry.EntryInput;
import vn.storybank.core.entry.EntryQueries;
import vn.storybank.core.entry.EntryService;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.entry.Slugs;
import vn.storybank.core.entry.WriteContext;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.JsonInputs;
import vn.storybank.core.locale.LanguageTags;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.taxonomy.TaxonomyService;
import vn.storybank.core.taxonomy.TermInput;
import vn.storybank.core.tenant.TenantInput;
import vn.storybank.core.tenant.TenantService;

/**
 * One import of one NDJSON file into one tenant.
 *
 * <p>Not atomic: lines are committed in batches. Tenant and term lines are committed in file order;
 * batches of entry lines run on {@link #WORKERS} threads at once (they do not depend on each other:
 * links may point to any entry the file declares). A batch with a failing line is rolled back, the
 * line reported, and the batch tried again without it, so a bad line never leaves half of itself
 * behind. Atomic: everything in one transaction, every bad line reported, nothing kept.
 */
final class ImportRun {
  private static final int MAX_REPORTED_ERRORS = 1000;
  private static final int WORKERS = 2;
  private final Transactions transactions;
  private final ChangeLog changeLog;
  private final TenantService tenants;
  private final TaxonomyService taxonomies;
  private final Map<EntryType, EntryService<?, ?, ?>> services;
  private final String tenant;
  private final Actor actor;
  private final boolean atomic;

  private final List<LineError> errors = new ArrayList<>();
  private final Set<UUID> failedIds = new HashSet<>();
  private final Map<UUID, EntryType> declared = new HashMap<>();

  /**
   * What tenant lines stored in another form than given (a deprecated language tag), by line: a
   * line applied again after a rolled-back batch replaces its own.
   */
  private final Map<Integer, List<String>> tagNotices =
      new java.util.concurrent.ConcurrentSkipListMap<>();

  private int lines;
  private int created;
  private int updated;
  private int failed;
  // Lines this node has finished, across imports, for /metrics.
  private final LongAdder progress;

  ImportRun(
      Transactions transactions,
      ChangeLog changeLog,
      TenantService tenants,
      TaxonomyService taxonomies,
      Map<EntryType, EntryService<?, ?, ?>> services,
      String tenant,
      Actor actor,
      boolean atomic,
      LongAdder progress) {
    this.progress = progress;
    this.transactions = transactions;
    this.changeLog = changeLog;
    this.tenants = tenants;
    this.taxonomies = taxonomies;
    this.services = services;
    this.tenant = tenant;
    this.actor = actor;
    this.atomic = atomic;
  }

  ImportReport execute(Path file) throws IOException {
    declared.putAll(ImportLine.declaredEntries(file));
    return atomic ? executeAtomically(file) : executeInBatches(file);
  }

  private ImportReport executeInBatches(Path file) throws IOException {
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    Deque<Future<?>> inFlight = new ArrayDeque<>();
    Set<UUID> idsInFlight = new HashSet<>();
    try (NdjsonLines reader = new NdjsonLines(file)) {
      List<ImportLine> batch = new ArrayList<>();
      long batchChars = 0;
      boolean batchOfEntries = true;
      NdjsonLines.Line raw;
      while ((raw = reader.next()) != null) {
        ImportLine line = parse(raw);
        if (line == null) {
          continue;
        }
        if (!batch.isEmpty()
            && (line.isEntry() != batchOfEntries
                || batch.size() == TransferService.BATCH
                || batchChars >= TransferService.BATCH_CHARS)) {
          submit(batch, batchOfEntries, workers, inFlight, idsInFlight);
          batch = new ArrayList<>();
          batchChars = 0;
        }
        batchOfEntries = line.isEntry();
        batch.add(line);
        batchChars += raw.text().length();
      }
      submit(batch, batchOfEntries, workers, inFlight, idsInFlight);
      awaitAll(inFlight, idsInFlight);
    } finally {
      workers.shutdownNow();
    }
    return report(true);
  }

  /**
   * Entry batches go to a worker; tenant and term batches wait for those in flight and run here,
   * since later lines may use their terms.
   */
  private void submit(
      List<ImportLine> batch,
      boolean entries,
      ExecutorService workers,
      Deque<Future<?>> inFlight,
      Set<UUID> idsInFlight) {
    if (batch.isEmpty()) {
      return;
    }
    List<UUID> ids = batch.stream().map(ImportLine::id).filter(id -> id != null).toList();
    if (!entries || ids.stream().anyMatch(idsInFlight::contains)) {
      awaitAll(inFlight, idsInFlight);
    }
    if (!entries) {
      commitBatch(batch);
      return;
    }
    while (inFlight.size() >= WORKERS) {
      await(inFlight.removeFirst());
    }
    idsInFlight.addAll(ids);
    inFlight.addLast(workers.submit(() -> commitBatch(batch)));
  }

  private static void awaitAll(Deque<Future<?>> inFlight, Set<UUID> idsInFlight) {
    while (!inFlight.isEmpty()) {
      await(inFlight.removeFirst());
    }
    idsInFlight.clear();
  }

  private static void await(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Import interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * One transaction for the whole file. The transaction may be tried again after a lock timeout, so
   * everything it counts and reads starts afresh inside it.
   */
  private ImportReport executeAtomically(Path file) {
    try {
      Counts counts =
          transactions.write(
              em -> {
                restartCounting();
                Counts attemptCounts = new Counts();
                Attempt attempt = new Attempt(em);
                try (NdjsonLines reader = new NdjsonLines(file)) {
                  NdjsonLines.Line raw;
                  while ((raw = reader.next()) != null) {
                    ImportLine line = parse(raw);
                    if (line == null) {
                      continue;
                    }
                    try {
                      attemptCounts.add(apply(attempt, line));
                    } catch (StorybankException e) {
                      fail(line, e);
                    }
                    if (lines % TransferService.BATCH == 0 && attempt.ctx != null) {
                      attempt.ctx.checkpoint();
                    }
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                if (failed > 0) {
                  throw new RollBack();
                }
                if (attempt.ctx != null) {
                  attempt.ctx.finish();
                }
                return attemptCounts;
              });
      addCounts(counts);
      return report(true);
    } catch (RollBack e) {
      return report(false);
    }
  }

  private synchronized void restartCounting() {
    lines = 0;
    failed = 0;
    errors.clear();
    failedIds.clear();
  }

  /** Thrown to roll a transaction back once its failures are known. */
  private static final class RollBack extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RollBack() {
      super(null, null, false, false);
    }
  }

  /** One transaction's state: its write context (made once the tenant exists) and lookups. */
  private final class Attempt {
    final EntityManager em;
    final Set<UUID> existingIds = new HashSet<>();
    boolean idsPrefetched;
    WriteContext ctx;

    Attempt(EntityManager em) {
      this.em = em;
    }

    WriteContext ctx() {
      if (ctx == null) {
        ctx = new WriteContext(em, tenant, changeLog, actor);
        ctx.acceptDeclared(declared);
        ctx.summarisedAs(AuditLog.IMPORT);
      }
      return ctx;
    }
  }

  /** Lines created and updated by one transaction, added to the totals only if it commits. */
  private static final class Counts {
    int created;
    int updated;

    void add(boolean isNew) {
      if (isNew) {
        created++;
      } else {
        updated++;
      }
    }
  }

  /** Commits a batch in one transaction, without the lines that fail. */
  private void commitBatch(List<ImportLine> batch) {
    List<ImportLine> pending = new ArrayList<>(batch);
    while (!pending.isEmpty()) {
      Map<ImportLine, StorybankException> failures = new HashMap<>();
      try {
        Counts counts =
            transactions.write(
                em -> {
                  failures.clear();
                  Counts attemptCounts = new Counts();
                  Attempt attempt = new Attempt(em);
                  prefetch(attempt, pending);
                  for (ImportLine line : pending) {
                    try {
                      attemptCounts.add(apply(attempt, line));
                    } catch (StorybankException e) {
                      failures.put(line, e);
                    }
                  }
                  if (!failures.isEmpty()) {
                    throw new RollBack();
                  }
                  if (attempt.ctx != null) {
                    attempt.ctx.finish();
                  }
                  return attemptCounts;
                });
        addCounts(counts);
        return;
      } catch (RollBack e) {
        failures.forEach(this::fail);
        pending.removeAll(failures.keySet());
      } catch (StorybankException e) {
        // A conflict found only at commit (a concurrent writer took a slug): go line by line.
        if (pending.size() == 1) {
          fail(pending.get(0), e);
          return;
        }
        pending.forEach(line -> commitBatch(List.of(line)));
        return;
      }
    }
  }

  /**
   * Asks once per batch what would otherwise be asked once per line: which entries exist already
   * and which slugs are taken.
   */
  private void prefetch(Attempt attempt, List<ImportLine> batch) {
    Map<EntryType, Map<String, Set<String>>> slugs = new HashMap<>();
    List<UUID> ids = new ArrayList<>();
    for (ImportLine line : batch) {
      EntryType type = line.isEntry() ? EntryType.ofCodeOrNull(line.type()) : null;
      if (type == null) {
        continue;
      }
      ids.add(line.id());
      line.json()
          .path("translations")
          .properties()
          .forEach(
              t -> {
                String slug = wantedSlug(t.getValue());
                var locale = LanguageTags.canonical(t.getKey());
                if (slug != null && locale.isPresent()) {
                  slugs
                      .computeIfAbsent(type, k -> new HashMap<>())
                      .computeIfAbsent(locale.get(), k -> new HashSet<>())
                      .add(slug);
                }
              });
    }
    if (ids.isEmpty() || attempt.em.find(vn.storybank.core.tenant.Tenant.class, tenant) == null) {
      return;
    }
    for (int from = 0; from < ids.size(); from += 500) {
      attempt.existingIds.addAll(
          new EntryQueries(attempt.em)
              .existing(ids.subList(from, Math.min(ids.size(), from + 500))));
    }
    attempt.idsPrefetched = true;
    WriteContext ctx = attempt.ctx();
    slugs.forEach(
        (type, byLocale) -> byLocale.forEach((locale, s) -> ctx.prefetchSlugs(type, locale, s)));
  }

  private static String wantedSlug(JsonNode translation) {
    if (translation.path("slug").isTextual()) {
      return translation.get("slug").asText();
    }
    return translation.path("title").isTextual()
        ? Slugs.fromTitle(translation.get("title").asText())
        : null;
  }

  /** Applies a line in the attempt's transaction; returns whether it created something. */
  private boolean apply(Attempt attempt, ImportLine line) {
    ObjectNode body = ((ObjectNode) line.json()).deepCopy();
    body.remove("type");
    switch (line.type()) {
      case "tenant" -> {
        var saved =
            tenants.put(
                attempt.em, tenant, JsonInputs.convert(body, TenantInput.class), null, actor);
        boolean isNew = saved.created();
        if (!saved.notices().isEmpty()) {
          tagNotices.put(
              line.number(),
              saved.notices().stream()
                  .map(n -> "line " + line.number() + ": " + n.field() + ": " + n.message())
                  .toList());
        }
        if (attempt.ctx != null) {
          attempt.ctx.termsChanged();
        }
        return isNew;
      }
      case "term" -> {
        JsonNode kind = body.remove("kind");
        if (kind == null || !kind.isTextual()) {
          throw StorybankException.invalid("kind", "is required (e.g. places)");
        }
        TermInput input = JsonInputs.convert(body, TermInput.class);
        boolean isNew =
            taxonomies.upsert(
                attempt.em, tenant, TaxonomyService.kind(kind.asText()), input, actor);
        attempt.ctx().termsChanged();
        return isNew;
      }
      default -> {
        return applyEntry(attempt, line, body);
      }
    }
  }

  private boolean applyEntry(Attempt attempt, ImportLine line, ObjectNode body) {
    EntryType type = EntryType.ofCodeOrNull(line.type());
    if (type == null) {
      throw StorybankException.invalid(
          "type",
          "'" + line.type() + "' is not one of tenant, term, media, product, story, collection");
    }
    // A bank migrated from elsewhere keeps its history: the read-only fields are dropped, except
    // the entry's createdAt and each translation's publishedAt, which are kept as given.
    Instant createdAt = instant(body, "createdAt", "createdAt");
    Map<String, Instant> published = new HashMap<>();
    EntryHeader.FIELDS.forEach(body::remove);
    JsonNode translations = body.get("translations");
    if (translations != null && translations.isObject()) {
      for (Map.Entry<String, JsonNode> t : translations.properties()) {
        if (t.getValue().isObject()) {
          ObjectNode translation = (ObjectNode) t.getValue();
          String field = "translations." + t.getKey() + ".publishedAt";
          Instant at = instant(translation, "publishedAt", field);
          if (at != null) {
            String status = translation.path("status").asText("draft");
            if (!status.equals("published") && !status.equals("archived")) {
              throw StorybankException.invalid(
                  field, "is kept only for a translation whose status is published or archived");
            }
            published.put(t.getKey(), at);
          }
          EntryHeader.TRANSLATION_FIELDS.forEach(translation::remove);
        }
      }
    }
    return upsert(attempt, services.get(type), line.id(), body, createdAt, published);
  }

  /** An ISO 8601 date-time with offset, or null when the line has none. */
  private static Instant instant(ObjectNode json, String name, String field) {
    JsonNode value = json.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw StorybankException.invalid(
          field,
          "must be an ISO 8601 date-time with offset, e.g. 2019-05-01T08:00:00+07:00 (got '"
              + value.asText()
              + "')");
    }
  }

  private static <E extends Entry, I extends EntryInput> boolean upsert(
      Attempt attempt,
      EntryService<E, I, ?> service,
      UUID id,
      ObjectNode body,
      Instant createdAt,
      Map<String, Instant> published) {
    I input = JsonInputs.convert(body, service.inputClass());
    WriteContext ctx = attempt.ctx();
    boolean knownAbsent =
        attempt.idsPrefetched && !attempt.existingIds.contains(id) && !ctx.createdHere(id);
    Entry existing = knownAbsent ? null : ctx.em().find(Entry.class, id);
    if (existing == null) {
      EntryService.keepHistory(service.create(ctx, id, input), createdAt, published);
      return true;
    }
    if (!existing.tenant().equals(ctx.tenant().code()) || existing.entryType() != service.type()) {
      throw StorybankException.conflict(
          "id "
              + id
              + " already belongs to a "
              + existing.entryType().code()
              + " of tenant "
              + existing.tenant());
    }
    EntryService.keepHistory(
        service.replace(ctx, service.entityClass().cast(existing), input), createdAt, published);
    return false;
  }

  private synchronized void addCounts(Counts counts) {
    created += counts.created;
    updated += counts.updated;
    progress.add(counts.created + counts.updated);
  }

  private synchronized void fail(ImportLine line, StorybankException e) {
    failed++;
    progress.increment();
    if (line.id() != null) {
      failedIds.add(line.id());
    }
    if (errors.size() < MAX_REPORTED_ERRORS) {
      errors.add(
          new LineError(
              line.number(),
              line.type(),
              line.id() == null ? null : line.id().toString(),
              e.getMessage(),
              e.fieldErrors()));
    }
  }

  /** Parses a line; blank lines are skipped (null), unparseable ones are reported at once. */
  private ImportLine parse(NdjsonLines.Line raw) {
    ImportLine line = ImportLine.parse(raw);
    if (line == null) {
      return null;
    }
    lines++;
    if (line.error() != null) {
      fail(line, line.error());
      return null;
    }
    return line;
  }

  private ImportReport report(boolean committed) {
    errors.sort(java.util.Comparator.comparingInt(LineError::line));
    List<String> warnings = new ArrayList<>();
    if (committed) {
      tagNotices.values().forEach(warnings::addAll);
    }
    if (committed && !failedIds.isEmpty()) {
      warnings.add(
          "Entries whose lines failed may still be linked from imported entries: "
              + failedIds.stream().limit(20).toList());
    }
    return new ImportReport(
        atomic,
        committed,
        lines,
        committed ? created : 0,
        committed ? updated : 0,
        failed,
        errors,
        warnings);
  }
}
