package vn.storybank.core.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Actor;
import vn.storybank.core.account.AuditLog;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.changelog.Operation;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.core.json.Json;
import vn.storybank.core.json.JsonInputs;
import vn.storybank.core.json.MergePatch;
import vn.storybank.core.persistence.Audit;
import vn.storybank.core.persistence.Page;
import vn.storybank.core.persistence.Saved;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.persistence.Versions;

/**
 * Create, read, list, patch, delete and translate entries of one type. The type supplies its own
 * fields through {@link #apply} and its JSON through {@link #view}; everything else (locales,
 * slugs, rich text, versions, the change log) is the same for every type. Review steps and
 * schedules are {@link #review()}, revisions and staleness {@link #revisions()}; reads and
 * translation writes are delegated to package-private helpers. Every public method that takes an
 * {@link Actor} checks it in its own transaction; those that take an open {@link WriteContext} are
 * the in-process path (import, demo content, scheduler, media files), whose caller has checked or
 * acts as the system.
 */
public abstract class EntryService<E extends Entry, I extends EntryInput, V extends EntryView> {
  private final Transactions transactions;
  private final ChangeLog changeLog;
  private final Clock clock;
  private final Class<E> entityClass;
  private final Class<I> inputClass;
  private final EntryType type;
  private final EntryListing<E> listing;
  private final TranslationWriter translationWriter;
  private final ReviewSteps<E, V> review;
  private final Revisions<E, V> revisions;
  private final EntryReads<E, V> reads;
  private final EntryTranslations<E, V> translations;

  protected EntryService(
      Transactions transactions,
      ChangeLog changeLog,
      Clock clock,
      Class<E> entityClass,
      Class<I> inputClass,
      EntryType type,
      String kindAttribute) {
    this.transactions = transactions;
    this.changeLog = changeLog;
    this.clock = clock;
    this.entityClass = entityClass;
    this.inputClass = inputClass;
    this.type = type;
    this.listing = new EntryListing<>(entityClass, type, kindAttribute, this::extraFilter);
    this.translationWriter = new TranslationWriter(clock);
    this.review = new ReviewSteps<>(this, clock);
    this.revisions = new Revisions<>(this, transactions, clock);
    this.reads = new EntryReads<>(this, transactions, clock, listing);
    this.translations = new EntryTranslations<>(this, translationWriter, clock);
  }

  /** A new, empty entity. */
  protected abstract E newEntity(UUID id, String tenant, Audit audit);

  /** Validates the type's own fields into {@code v} and sets them on {@code entity}. */
  protected abstract void apply(WriteContext ctx, E entity, I input, Violations v);

  /** The entry as the API shows it. */
  protected abstract V view(E entity);

  /** What creating and changing entries of this type needs (media has its own librarians). */
  protected Action writeAction() {
    return Action.WRITE_CONTENT;
  }

  /** What deleting an entry of this type needs. */
  protected Action deleteAction() {
    return Action.DELETE;
  }

  /** Checks that the actor may write a translation in this locale. */
  protected void requireTranslationWrite(
      EntityManager em, Actor actor, String tenant, String locale) {
    Access.require(em, actor, tenant, Action.WRITE_TRANSLATION, locale);
  }

  /**
   * Refuses to delete an entry that something other than a link still needs, inside the delete's
   * transaction (a check in an earlier transaction races with whoever starts using it meanwhile).
   */
  protected void refuseDeleteIfInUse(EntityManager em, String tenant, E entity) {}

  /** Whether each translation needs a title (all but media assets). */
  protected boolean requiresTitle() {
    return true;
  }

  public EntryType type() {
    return type;
  }

  public Class<E> entityClass() {
    return entityClass;
  }

  public Class<I> inputClass() {
    return inputClass;
  }

  /** Review steps and schedules of this type's translations. */
  public ReviewSteps<E, V> review() {
    return review;
  }

  /** Revisions, diffs, restores and staleness of this type's translations. */
  public Revisions<E, V> revisions() {
    return revisions;
  }

  // ---------------------------------------------------------------- reads

  /**
   * The entry as the actor may see it: whole with {@link Action#READ_CONTENT}; with only {@link
   * Action#READ_PUBLISHED} (journalists), its published translations, and a 404 when it has none.
   */
  public V get(String tenant, UUID id, Actor actor) {
    return reads.get(tenant, id, actor);
  }

  /** The list as the actor may see it; see {@link #get(String, UUID, Actor)}. */
  public Page<V> list(String tenant, ListQuery query, Actor actor) {
    return reads.list(tenant, query, actor);
  }

  /**
   * The list as summaries, what a list screen shows (no texts but titles and slugs), as the actor
   * may see it; see {@link #get(String, UUID, Actor)}. {@link #list} gives whole entries.
   */
  public Page<EntrySummary> summaries(String tenant, ListQuery query, Actor actor) {
    return reads.summaries(tenant, query, actor);
  }

  /**
   * The permission check of a list, alone: whether the actor sees drafts in the tenant (editors) or
   * only what is published (journalists), and a 403 or 404 when neither. Lists served from a cache
   * run it on every request.
   */
  public boolean readsDrafts(String tenant, Actor actor) {
    return reads.readsDrafts(tenant, actor);
  }

  /**
   * Keeps the dates an import gives (a bank migrated from elsewhere keeps its history): when the
   * entry was created, and when each named translation was last published. The entry's publication
   * date becomes the earliest of its translations'.
   */
  public static void keepHistory(Entry entry, Instant createdAt, Map<String, Instant> published) {
    if (createdAt != null) {
      entry.audit().backdate(createdAt);
    }
    if (!published.isEmpty()) {
      published.forEach((locale, at) -> requireTranslation(entry, locale).publishedOn(at));
      entry.restatePublished();
    }
  }

  /** Type-specific filters beyond the shared ones: products filter by OCOP stars. */
  protected Predicate extraFilter(CriteriaBuilder cb, Root<E> entry, ListQuery query) {
    throw StorybankException.invalid("stars", "only products have OCOP stars");
  }

  // ---------------------------------------------------------------- writes

  public V create(String tenant, I input, Actor actor) {
    return inContext(
        tenant,
        actor,
        ctx -> {
          Access.require(ctx.em(), actor, tenant, writeAction());
          return create(ctx, UUID.randomUUID(), input);
        });
  }

  /** Creates an entry with a given id in an open context (import, demo content). */
  public E create(WriteContext ctx, UUID id, I input) {
    return create(ctx, id, input, entity -> {});
  }

  /**
   * Creates an entry and lets {@code prepare} set fields outside the input (a media file) before it
   * is persisted, so that the entry starts at version 0 like any other.
   */
  public E create(WriteContext ctx, UUID id, I input, java.util.function.Consumer<E> prepare) {
    E entity =
        newEntity(
            id, ctx.tenant().code(), Audit.created(ctx.actor().recordedName(), clock.instant()));
    write(ctx, entity, input);
    prepare.accept(entity);
    ctx.em().persist(entity);
    ctx.created(entity);
    ctx.changed(entity, Operation.CREATE, null);
    return entity;
  }

  /** Replaces an existing entry's fields and translations in an open context (import). */
  public E replace(WriteContext ctx, E entity, I input) {
    write(ctx, entity, input);
    entity.audit().touch(ctx.actor().recordedName(), clock.instant());
    ctx.changed(entity, Operation.UPDATE, null);
    return entity;
  }

  /** Logs an update of an entry whose fields changed outside {@link #apply} (a media file). */
  protected void touched(WriteContext ctx, E entity) {
    entity.audit().touch(ctx.actor().recordedName(), clock.instant());
    ctx.changed(entity, Operation.UPDATE, null);
  }

  /** Applies a JSON merge patch (RFC 7396) to the entry's writable JSON. */
  public V patch(String tenant, UUID id, JsonNode patch, Long expectedVersion, Actor actor) {
    if (patch == null || !patch.isObject()) {
      throw StorybankException.invalid("body", "must be a JSON object (a JSON merge patch)");
    }
    return inContext(
        tenant,
        actor,
        ctx -> {
          Access.require(ctx.em(), actor, tenant, writeAction());
          E entity = require(ctx.em(), tenant, id);
          Versions.check(expectedVersion, entity.version(), describe(entity));
          ObjectNode base = writableJson(entity);
          // A translation's source revision is derived unless the patch names one (see
          // TranslationWriter), so the current value is not carried into the patched input.
          base.path("translations").forEach(t -> ((ObjectNode) t).remove("sourceRevision"));
          I input = JsonInputs.convert(MergePatch.apply(base, patch), inputClass);
          return replace(ctx, entity, input);
        });
  }

  /** The entry's JSON without the fields a client cannot write: the base of a merge patch. */
  public ObjectNode writableJson(E entity) {
    ObjectNode json = Json.mapper().valueToTree(view(entity));
    EntryHeader.FIELDS.forEach(json::remove);
    JsonNode translations = json.get("translations");
    if (translations != null) {
      translations.forEach(t -> EntryHeader.TRANSLATION_FIELDS.forEach(((ObjectNode) t)::remove));
    }
    return json;
  }

  public void delete(String tenant, UUID id, Long expectedVersion, Actor actor) {
    inContext(
        tenant,
        actor,
        ctx -> {
          Access.require(ctx.em(), actor, tenant, deleteAction());
          E entity = require(ctx.em(), tenant, id);
          Versions.check(expectedVersion, entity.version(), describe(entity));
          refuseDeleteIfInUse(ctx.em(), tenant, entity);
          List<UUID> referrers = new EntryQueries(ctx.em()).linking(id, 10);
          if (!referrers.isEmpty()) {
            throw StorybankException.conflict(
                describe(entity)
                    + " is still linked from "
                    + referrers
                    + "; remove those links first, so that nothing points to a missing entry.");
          }
          ctx.deleted(entity);
          AuditLog.record(
              ctx.em(),
              clock,
              actor,
              AuditLog.DELETE,
              tenant,
              type.code() + " " + id,
              describe(entity));
          ctx.em().remove(entity);
          return null;
        });
  }

  /** Creates or replaces one translation. */
  public Saved<V> putTranslation(
      String tenant,
      UUID id,
      String locale,
      TranslationInput input,
      Long expectedVersion,
      Actor actor) {
    return translations.put(tenant, id, locale, input, expectedVersion, actor);
  }

  public V deleteTranslation(
      String tenant, UUID id, String locale, Long expectedVersion, Actor actor) {
    return translations.delete(tenant, id, locale, expectedVersion, actor);
  }

  /** Runs writes on a tenant's entries in one transaction and returns the entry's view. */
  V inContext(String tenant, Actor actor, Function<WriteContext, E> work) {
    return inTransaction(tenant, actor, work, this::view);
  }

  Saved<V> inContextSaved(String tenant, Actor actor, Function<WriteContext, Saved<E>> work) {
    return inTransaction(
        tenant, actor, work, result -> new Saved<>(view(result.value()), result.created()));
  }

  /**
   * Opens a write context for several writes in one transaction. {@code after} runs after the
   * changes are flushed and logged, when versions are final. It checks nothing: for the in-process
   * path only (the scheduler, media files after their own check, tests); requests reach the checked
   * methods above.
   */
  public <T, R> R inTransaction(
      String tenant, Actor actor, Function<WriteContext, T> work, Function<T, R> after) {
    return transactions.write(
        em -> {
          WriteContext ctx = new WriteContext(em, tenant, changeLog, actor);
          T result = work.apply(ctx);
          ctx.finish();
          return result == null ? null : after.apply(result);
        });
  }

  /** The entry, its row locked until the transaction ends. */
  public E requireLocked(EntityManager em, String tenant, UUID id) {
    E entity = id == null ? null : em.find(entityClass, id, LockModeType.PESSIMISTIC_WRITE);
    if (entity == null || !entity.tenant().equals(tenant)) {
      throw StorybankException.notFound(
          "There is no " + type.code() + " " + id + " in tenant " + tenant + ".");
    }
    return entity;
  }

  public E require(EntityManager em, String tenant, UUID id) {
    E entity = id == null ? null : em.find(entityClass, id);
    if (entity == null || !entity.tenant().equals(tenant)) {
      throw StorybankException.notFound(
          "There is no " + type.code() + " " + id + " in tenant " + tenant + ".");
    }
    return entity;
  }

  String describe(Entry entity) {
    String title =
        entity.translations().values().stream()
            .map(Translation::title)
            .filter(t -> t != null)
            .findFirst()
            .orElse(entity.id().toString());
    String code = type.code();
    return Character.toUpperCase(code.charAt(0)) + code.substring(1) + " '" + title + "'";
  }

  public static Translation requireTranslation(Entry entry, String tag) {
    Translation translation = entry.translations().get(tag);
    if (translation == null) {
      throw StorybankException.notFound(
          "The "
              + entry.entryType().code()
              + " "
              + entry.id()
              + " has no translation in '"
              + tag
              + "' (it has: "
              + String.join(", ", entry.translations().keySet())
              + ").");
    }
    return translation;
  }

  private void write(WriteContext ctx, E entity, I input) {
    Violations v = new Violations();
    apply(ctx, entity, input, v);
    translations.replaceAll(ctx, entity, input.translations(), v);
  }

  // ---------------------------------------------------------------- helpers for types
  /** Links in one role, each checked to be an entry of this tenant of an allowed type. */
  protected static List<EntryLink> links(
      WriteContext ctx,
      Entry self,
      String role,
      List<UUID> targets,
      Set<EntryType> allowed,
      Violations v) {
    return EntryLinks.check(ctx, self, role, targets, allowed, v);
  }

  protected static Map<String, TranslationView> translationViews(Entry entry) {
    Map<String, TranslationView> views = new LinkedHashMap<>();
    // The source is the translation not made from another one.
    Translation source =
        entry.translations().values().stream()
            .filter(t -> t.sourceRevision() == null)
            .findFirst()
            .orElse(null);
    entry.translations().forEach((locale, t) -> views.put(locale, TranslationView.of(t, source)));
    return views;
  }

  protected static void replaceTerms(Entry entry, Set<vn.storybank.core.taxonomy.Term> terms) {
    entry.replaceTerms(terms);
  }

  protected static void replaceLinks(Entry entry, List<EntryLink> links) {
    entry.replaceLinks(links);
  }
}
