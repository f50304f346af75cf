package vn.storybank.core.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.EntityManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryHeader;
import vn.storybank.core.entry.EntryInput;
import vn.storybank.core.entry.EntryService;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.entry.WriteContext;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.JsonInputs;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.taxonomy.TaxonomyService;
import vn.storybank.core.taxonomy.TermInput;
import vn.storybank.core.tenant.TenantInput;
import vn.storybank.core.tenant.TenantService;

/** One import of one NDJSON file into one tenant. */
final class ImportRun {
  private static final int MAX_REPORTED_ERRORS = 1000;
  private final Transactions transactions;
  private final ChangeLog changeLog;
  private final TenantService tenants;
  private final TaxonomyService taxonomies;
  private final Map<EntryType, EntryService<?, ?, ?>> services;
  private final String tenant;
  private final String actor;
  private final boolean atomic;

  private final List<LineError> errors = new ArrayList<>();
  private final Set<UUID> failedIds = new HashSet<>();
  private final Map<UUID, EntryType> declared = new HashMap<>();
  private int lines;
  private int created;
  private int updated;
  private int failed;

  ImportRun(
      Transactions transactions,
      ChangeLog changeLog,
      TenantService tenants,
      TaxonomyService taxonomies,
      Map<EntryType, EntryService<?, ?, ?>> services,
      String tenant,
      String actor,
      boolean atomic) {
    this.transactions = transactions;
    this.changeLog = changeLog;
    this.tenants = tenants;
    this.taxonomies = taxonomies;
    this.services = services;
    this.tenant = tenant;
    this.actor = actor;
    this.atomic = atomic;
  }

  /** A parsed line, or the reason it could not be parsed. */
  private record Line(int number, JsonNode json, String type, UUID id) {}

  ImportReport execute(Path file) throws IOException {
    declareEntries(file);
    List<Line> batch = new ArrayList<>();
    if (atomic) {
      return executeAtomically(file);
    }
    try (BufferedReader reader = TransferService.reader(file)) {
      String raw;
      int number = 0;
      while ((raw = reader.readLine()) != null) {
        number++;
        Line line = parse(number, raw);
        if (line == null) {
          continue;
        }
        batch.add(line);
        if (batch.size() == TransferService.BATCH) {
          commitBatch(batch);
          batch.clear();
        }
      }
    }
    commitBatch(batch);
    return report(true);
  }

  private ImportReport executeAtomically(Path file) throws IOException {
    try (BufferedReader reader = TransferService.reader(file)) {
      transactions.write(
          em -> {
            Holder holder = new Holder(em);
            try {
              String raw;
              int number = 0;
              while ((raw = reader.readLine()) != null) {
                number++;
                Line line = parse(number, raw);
                if (line != null && apply(holder, line)) {
                  if (lines % TransferService.BATCH == 0 && holder.ctx != null) {
                    holder.ctx.checkpoint();
                  }
                }
              }
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            if (failed > 0) {
              throw new RollBack();
            }
            if (holder.ctx != null) {
              holder.ctx.finish();
            }
            return null;
          });
    } catch (RollBack e) {
      created = 0;
      updated = 0;
      return report(false);
    }
    return report(true);
  }

  /** Thrown to roll an atomic import back once its report is complete. */
  private static final class RollBack extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RollBack() {
      super(null, null, false, false);
    }
  }

  /** The write context of the transaction, made once the tenant exists. */
  private final class Holder {
    final EntityManager em;
    WriteContext ctx;

    Holder(EntityManager em) {
      this.em = em;
    }

    WriteContext ctx() {
      if (ctx == null) {
        ctx = new WriteContext(em, tenant, changeLog, actor);
        ctx.acceptDeclared(declared);
      }
      return ctx;
    }
  }

  /**
   * Commits a batch in one transaction. A line that fails is reported and the batch is tried again
   * without it, so a failed line never leaves half of itself behind.
   */
  private void commitBatch(List<Line> batch) {
    List<Line> pending = new ArrayList<>(batch);
    while (!pending.isEmpty()) {
      Map<Line, StorybankException> failures = new HashMap<>();
      int createdBefore = created;
      int updatedBefore = updated;
      try {
        transactions.write(
            em -> {
              Holder holder = new Holder(em);
              for (Line line : pending) {
                try {
                  applyOrThrow(holder, line);
                } catch (StorybankException e) {
                  failures.put(line, e);
                }
              }
              if (!failures.isEmpty()) {
                throw new RollBack();
              }
              if (holder.ctx != null) {
                holder.ctx.finish();
              }
              return null;
            });
        return;
      } catch (RollBack e) {
        created = createdBefore;
        updated = updatedBefore;
        failures.forEach(this::fail);
        pending.removeAll(failures.keySet());
      } catch (StorybankException e) {
        // A conflict found only at commit (another writer took a slug): go line by line.
        created = createdBefore;
        updated = updatedBefore;
        if (pending.size() == 1) {
          fail(pending.get(0), e);
          return;
        }
        for (Line line : pending) {
          commitBatch(List.of(line));
        }
        return;
      }
    }
  }

  /** Applies a line, recording a failure; returns whether it succeeded. */
  private boolean apply(Holder holder, Line line) {
    try {
      applyOrThrow(holder, line);
      return true;
    } catch (StorybankException e) {
      fail(line, e);
      return false;
    }
  }

  private void applyOrThrow(Holder holder, Line line) {
    if (line.json() == null) {
      throw StorybankException.invalid("line", "is not a JSON object");
    }
    ObjectNode body = ((ObjectNode) line.json()).deepCopy();
    body.remove("type");
    switch (line.type()) {
      case "tenant" -> {
        TenantInput input = JsonInputs.convert(body, TenantInput.class);
        boolean isNew = tenants.put(holder.em, tenant, input, null, actor).created();
        count(isNew);
        if (holder.ctx != null) {
          holder.ctx.termsChanged();
        }
      }
      case "term" -> {
        JsonNode kind = body.remove("kind");
        if (kind == null || !kind.isTextual()) {
          throw StorybankException.invalid("kind", "is required (e.g. places)");
        }
        TermInput input = JsonInputs.convert(body, TermInput.class);
        WriteContext ctx = holder.ctx();
        count(
            taxonomies.upsert(
                holder.em, tenant, TaxonomyService.kind(kind.asText()), input, actor));
        ctx.termsChanged();
      }
      default -> applyEntry(holder.ctx(), line, body);
    }
  }

  private void applyEntry(WriteContext ctx, Line line, ObjectNode body) {
    EntryType type = entryType(line.type());
    body.remove("id");
    EntryHeader.FIELDS.forEach(body::remove);
    JsonNode translations = body.get("translations");
    if (translations != null && translations.isObject()) {
      translations.forEach(
          t -> {
            if (t.isObject()) {
              EntryHeader.TRANSLATION_FIELDS.forEach(((ObjectNode) t)::remove);
            }
          });
    }
    count(upsert(ctx, services.get(type), line.id(), body));
  }

  private static <E extends Entry, I extends EntryInput> boolean upsert(
      WriteContext ctx, EntryService<E, I, ?> service, UUID id, ObjectNode body) {
    I input = JsonInputs.convert(body, service.inputClass());
    Entry existing = ctx.em().find(Entry.class, id);
    if (existing == null) {
      service.create(ctx, id, input);
      return true;
    }
    if (!existing.tenant().equals(ctx.tenant().code()) || existing.entryType() != service.type()) {
      throw StorybankException.conflict(
          "id "
              + id
              + " already belongs to a "
              + existing.entryType().code()
              + " of another kind or tenant");
    }
    service.replace(ctx, service.entityClass().cast(existing), input);
    return false;
  }

  private static EntryType entryType(String type) {
    for (EntryType t : EntryType.values()) {
      if (t.code().equals(type)) {
        return t;
      }
    }
    throw StorybankException.invalid(
        "type", "'" + type + "' is not one of tenant, term, media, product, story, collection");
  }

  private void count(boolean isNew) {
    if (isNew) {
      created++;
    } else {
      updated++;
    }
  }

  private void fail(Line line, StorybankException e) {
    failed++;
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

  /** Parses a line; blank lines are skipped (null), unparseable ones fail right away. */
  private Line parse(int number, String raw) {
    if (raw.isBlank()) {
      return null;
    }
    lines++;
    JsonNode json;
    try {
      json = TransferService.parse(raw);
    } catch (JsonProcessingException e) {
      fail(new Line(number, null, null, null), JsonInputs.invalid(e));
      return null;
    } catch (IOException e) {
      fail(
          new Line(number, null, null, null),
          StorybankException.invalid("line", "cannot be read: " + e.getMessage()));
      return null;
    }
    if (!json.isObject() || !json.path("type").isTextual()) {
      fail(
          new Line(number, null, null, null),
          StorybankException.invalid("type", "each line must be a JSON object with a \"type\""));
      return null;
    }
    String type = json.get("type").asText();
    UUID id = null;
    if (!type.equals("tenant") && !type.equals("term")) {
      try {
        id = json.hasNonNull("id") ? UUID.fromString(json.get("id").asText()) : UUID.randomUUID();
      } catch (IllegalArgumentException e) {
        fail(
            new Line(number, null, type, null),
            StorybankException.invalid("id", "'" + json.get("id").asText() + "' is not a UUID"));
        return null;
      }
    }
    return new Line(number, json, type, id);
  }

  /** First pass: which entries the file declares, so that links to later lines are accepted. */
  private void declareEntries(Path file) throws IOException {
    try (BufferedReader reader = TransferService.reader(file)) {
      String raw;
      while ((raw = reader.readLine()) != null) {
        if (raw.isBlank()) {
          continue;
        }
        try {
          JsonNode json = TransferService.parse(raw);
          String type = json.path("type").asText();
          for (EntryType t : EntryType.values()) {
            if (t.code().equals(type) && json.hasNonNull("id")) {
              declared.put(UUID.fromString(json.get("id").asText()), t);
            }
          }
        } catch (IOException | IllegalArgumentException e) {
          // Reported by the second pass, with its line number.
        }
      }
    }
  }

  private ImportReport report(boolean committed) {
    List<String> warnings = new ArrayList<>();
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

  static StorybankException unavailable(String message) {
    return new StorybankException(ErrorKind.UNAVAILABLE, message);
  }
}
