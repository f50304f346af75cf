package vn.storybank.core.entry;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.storybank.core.account.Actor;
import vn.storybank.core.account.AuditLog;
import vn.storybank.core.changelog.Change;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.changelog.Operation;
import vn.storybank.core.error.Violations;
import vn.storybank.core.taxonomy.TermIndex;
import vn.storybank.core.tenant.Tenant;
import vn.storybank.core.tenant.TenantQueries;

/**
 * What one write transaction on a tenant's entries shares: the tenant, its terms, the slugs and
 * entries created so far, and the changes to log when it finishes. An import batch of hundreds of
 * entries is one context, so each of those costs one query, not one per entry.
 */
public final class WriteContext {
  private final EntityManager em;
  private final Tenant tenant;
  private final ChangeLog changeLog;
  private final Actor actor;
  private TermIndex terms;
  private WorkflowSettings workflowSettings;
  private final Map<String, UUID> slugsTaken = new HashMap<>();
  private final Map<UUID, EntryType> created = new HashMap<>();
  private final List<Entry> changedEntries = new ArrayList<>();
  private final List<String> changedLocales = new ArrayList<>();
  private final List<Operation> operations = new ArrayList<>();
  private final List<Change> deletions = new ArrayList<>();
  private final Set<Entry> audited =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private String summarisedAs;
  private Map<UUID, EntryType> declared = Map.of();
  private final Map<String, UUID> prefetchedSlugs = new HashMap<>();
  private final Set<String> prefetched = new HashSet<>();

  public WriteContext(EntityManager em, String tenant, ChangeLog changeLog, Actor actor) {
    this.em = em;
    this.tenant = new TenantQueries(em).require(tenant);
    this.changeLog = changeLog;
    this.actor = actor;
  }

  public EntityManager em() {
    return em;
  }

  public Tenant tenant() {
    return tenant;
  }

  public Actor actor() {
    return actor;
  }

  /**
   * Entries that an import file declares further on: links to them are accepted before they exist,
   * so that entries linking to each other can be imported.
   */
  public void acceptDeclared(Map<UUID, EntryType> declaredEntries) {
    this.declared = declaredEntries;
  }

  /**
   * Looks up in one query which of these slugs other entries hold, so that a batch of imported
   * entries does not ask once per translation.
   */
  public void prefetchSlugs(EntryType type, String locale, Collection<String> slugs) {
    List<String> all = List.copyOf(new HashSet<>(slugs));
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      new TranslationQueries(em)
          .slugHolders(tenant.code(), type.code(), locale, chunk)
          .forEach(
              held -> prefetchedSlugs.put(key(type.code(), locale, held.slug()), held.entryId()));
      chunk.forEach(slug -> prefetched.add(key(type.code(), locale, slug)));
    }
  }

  private static String key(String type, String locale, String slug) {
    return type + "|" + locale + "|" + slug;
  }

  /** Forgets the loaded terms after terms were written in this transaction. */
  public void termsChanged() {
    terms = null;
  }

  /** Writes and logs what is pending and empties the persistence context (long imports). */
  public void checkpoint() {
    finish();
    changedEntries.clear();
    changedLocales.clear();
    operations.clear();
    deletions.clear();
    em.clear();
    terms = null;
    prefetched.clear();
    prefetchedSlugs.clear();
  }

  /** The tenant's review rules (sensitive topics, direct publishing). */
  public WorkflowSettings workflowSettings() {
    if (workflowSettings == null) {
      workflowSettings = WorkflowSettings.of(em, tenant.code());
    }
    return workflowSettings;
  }

  public TermIndex terms() {
    if (terms == null) {
      terms = TermIndex.load(em, tenant.code());
    }
    return terms;
  }

  /**
   * The ids among {@code ids} that are entries of this tenant, with their type. Entries created
   * earlier in this transaction count.
   */
  public Map<UUID, EntryType> existingEntries(Set<UUID> ids) {
    Map<UUID, EntryType> found = new HashMap<>();
    Set<UUID> unknown = new HashSet<>();
    for (UUID id : ids) {
      EntryType pending = created.getOrDefault(id, declared.get(id));
      if (pending != null) {
        found.put(id, pending);
      } else {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      new EntryQueries(em)
          .ofTenantUnflushed(tenant.code(), unknown)
          .forEach(e -> found.put(e.id(), e.entryType()));
    }
    return found;
  }

  /**
   * A slug for the entry in this locale. A slug the client chose must be free; one made from the
   * title gets a number appended until it is.
   */
  String allocateSlug(
      Entry entry, String locale, String wanted, boolean chosen, String field, Violations v) {
    String type = entry.entryType().code();
    for (int n = 1; ; n++) {
      String candidate = n == 1 ? wanted : Slugs.numbered(wanted, n);
      if (!isTaken(type, locale, candidate, entry.id())) {
        slugsTaken.put(key(type, locale, candidate), entry.id());
        return candidate;
      }
      if (chosen) {
        v.add(field, "'" + wanted + "' is already the slug of another " + type + " in " + locale);
        return wanted;
      }
    }
  }

  /**
   * Whether another entry holds the slug: one lookup on the unique index (tenant, type, locale,
   * slug), plus the slugs handed out earlier in this transaction.
   */
  private boolean isTaken(String type, String locale, String slug, UUID id) {
    String key = key(type, locale, slug);
    UUID holder = slugsTaken.getOrDefault(key, prefetchedSlugs.get(key));
    if (holder != null) {
      return !holder.equals(id);
    }
    if (prefetched.contains(key)) {
      return false;
    }
    return !new TranslationQueries(em)
        .slugHolders(tenant.code(), type, locale, slug).stream().allMatch(id::equals);
  }

  /** Whether this transaction created the entry. */
  public boolean createdHere(UUID id) {
    return created.containsKey(id);
  }

  void created(Entry entry) {
    created.put(entry.id(), entry.entryType());
  }

  /** Logs the entry's change when the context finishes, with the version it then has. */
  void changed(Entry entry, Operation operation, String locale) {
    changedEntries.add(entry);
    operations.add(operation);
    changedLocales.add(locale);
  }

  /**
   * One audit row per entry this transaction created or changed, under its actor, unless a named
   * row (a review step, a schedule) already says what happened: every write is in the audit log.
   */
  private void audit() {
    if (summarisedAs != null) {
      return;
    }
    Map<Entry, Integer> first = new java.util.IdentityHashMap<>();
    Map<Entry, Boolean> createdHere = new java.util.IdentityHashMap<>();
    for (int i = 0; i < changedEntries.size(); i++) {
      Entry entry = changedEntries.get(i);
      first.putIfAbsent(entry, i);
      createdHere.merge(entry, operations.get(i) == Operation.CREATE, Boolean::logicalOr);
    }
    first.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .filter(entry -> !audited.contains(entry))
        .forEach(
            entry -> {
              Set<String> locales = new java.util.TreeSet<>();
              for (int i = 0; i < changedEntries.size(); i++) {
                if (changedEntries.get(i) == entry && changedLocales.get(i) != null) {
                  locales.add(changedLocales.get(i));
                }
              }
              AuditLog.record(
                  em,
                  changeLog.clock(),
                  actor,
                  createdHere.get(entry) ? AuditLog.CREATE : AuditLog.UPDATE,
                  entry.tenant(),
                  entry.entryType().code()
                      + " "
                      + entry.id()
                      + (locales.isEmpty() ? "" : " " + String.join(",", locales)),
                  null);
            });
  }

  /** Every new revision of a translation written here is kept as a row of its own. */
  private void keepRevisions() {
    Set<Entry> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Entry entry : changedEntries) {
      if (seen.add(entry)) {
        for (Translation t : entry.translations().values()) {
          if (t.takeRevisionPending()) {
            em.persist(new TranslationRevision(t, t.updatedAt(), t.updatedBy()));
          }
        }
      }
    }
  }

  /** Drops the kept revisions and approvals of a removed translation (its numbers restart). */
  void forgetTranslation(UUID entryId, String locale) {
    new TranslationQueries(em).forgetRevisionsAndApprovals(entryId, locale);
  }

  /** The entry's change is audited by name (a review step, a schedule): no generic row. */
  void audited(Entry entry) {
    audited.add(entry);
  }

  /**
   * An import audits itself with one row for the run ({@code action}); its entries get no row of
   * their own, or a bank migrated from elsewhere would write one per entry.
   */
  public void summarisedAs(String action) {
    summarisedAs = action;
  }

  void deleted(Entry entry) {
    deletions.add(
        new Change(
            entry.tenant(),
            entry.entryType().code(),
            entry.id(),
            null,
            Operation.DELETE,
            entry.version()));
  }

  /** Writes everything to the database and appends the change log; the caller then commits. */
  public void finish() {
    keepRevisions();
    audit();
    em.flush();
    for (int i = 0; i < changedEntries.size(); i++) {
      Entry entry = changedEntries.get(i);
      changeLog.append(
          em,
          new Change(
              entry.tenant(),
              entry.entryType().code(),
              entry.id(),
              changedLocales.get(i),
              operations.get(i),
              entry.version()),
          actor.recordedName());
    }
    deletions.forEach(change -> changeLog.append(em, change, actor.recordedName()));
    em.flush();
  }
}
