package vn.storybank.core.entry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.storybank.core.changelog.Change;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.changelog.Operation;
import vn.storybank.core.error.Violations;
import vn.storybank.core.taxonomy.TermIndex;
import vn.storybank.core.tenant.Tenant;
import vn.storybank.core.tenant.TenantService;

/**
 * What one write transaction on a tenant's entries shares: the tenant, its terms, the slugs and
 * entries created so far, and the changes to log when it finishes. An import batch of hundreds of
 * entries is one context, so each of those costs one query, not one per entry.
 */
public final class WriteContext {
  private final EntityManager em;
  private final Tenant tenant;
  private final ChangeLog changeLog;
  private final String actor;
  private TermIndex terms;
  private final Map<String, UUID> slugsTaken = new HashMap<>();
  private final Map<UUID, EntryType> created = new HashMap<>();
  private final List<Entry> changedEntries = new ArrayList<>();
  private final List<String> changedLocales = new ArrayList<>();
  private final List<Operation> operations = new ArrayList<>();
  private final List<Change> deletions = new ArrayList<>();
  private Map<UUID, EntryType> declared = Map.of();

  public WriteContext(EntityManager em, String tenant, ChangeLog changeLog, String actor) {
    this.em = em;
    this.tenant = TenantService.require(em, tenant);
    this.changeLog = changeLog;
    this.actor = actor;
  }

  public EntityManager em() {
    return em;
  }

  public Tenant tenant() {
    return tenant;
  }

  public String actor() {
    return actor;
  }

  /**
   * Entries that an import file declares further on: links to them are accepted before they exist,
   * so that entries linking to each other can be imported.
   */
  public void acceptDeclared(Map<UUID, EntryType> declaredEntries) {
    this.declared = declaredEntries;
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
      em.createQuery("select e from Entry e where e.tenant = :tenant and e.id in :ids", Entry.class)
          .setParameter("tenant", tenant.code())
          .setParameter("ids", unknown)
          .setFlushMode(FlushModeType.COMMIT)
          .getResultList()
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
    Set<String> taken =
        new HashSet<>(
            em.createQuery(
                    "select t.slug from Translation t where t.tenant = :tenant and t.entryType ="
                        + " :type and t.locale = :locale and (t.slug = :slug or t.slug like"
                        + " :numbered) and t.entry.id <> :id",
                    String.class)
                .setParameter("tenant", tenant.code())
                .setParameter("type", type)
                .setParameter("locale", locale)
                .setParameter("slug", wanted)
                .setParameter("numbered", wanted + "-%")
                .setParameter("id", entry.id())
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList());
    String candidate = wanted;
    for (int n = 2; isTaken(taken, type, locale, candidate, entry.id()); n++) {
      if (chosen) {
        v.add(field, "'" + wanted + "' is already the slug of another " + type + " in " + locale);
        return wanted;
      }
      candidate = Slugs.numbered(wanted, n);
    }
    slugsTaken.put(type + "|" + locale + "|" + candidate, entry.id());
    return candidate;
  }

  private boolean isTaken(Set<String> taken, String type, String locale, String slug, UUID id) {
    UUID holder = slugsTaken.get(type + "|" + locale + "|" + slug);
    return taken.contains(slug) || (holder != null && !holder.equals(id));
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
          actor);
    }
    deletions.forEach(change -> changeLog.append(em, change, actor));
    em.flush();
  }
}
