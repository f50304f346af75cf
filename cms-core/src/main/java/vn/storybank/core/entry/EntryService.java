package vn.storybank.core.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import vn.storybank.core.persistence.Saved;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.persistence.Versions;
import vn.storybank.core.taxonomy.TermIndex;
import vn.storybank.core.tenant.Tenant;
import vn.storybank.core.tenant.TenantService;

/**
 * Create, read, list, patch, delete, translate and publish entries of one type. The type supplies
 * its own fields through {@link #apply} and its JSON through {@link #view}; everything else
 * (locales, slugs, rich text, versions, the change log) is the same for every type.
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
    this.listing = new EntryListing<>(entityClass, kindAttribute, this::extraFilter);
    this.translationWriter = new TranslationWriter(clock);
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

  /** Whether each translation needs a title (all but media assets). */
  /**
   * Refuses to delete an entry that something other than a link still needs, inside the delete's
   * transaction (a check in an earlier transaction races with whoever starts using it meanwhile).
   */
  protected void refuseDeleteIfInUse(EntityManager em, String tenant, E entity) {}

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

  // ---------------------------------------------------------------- reads

  /** For in-process callers (search indexing, tests) that act with no user's rights. */
  public V get(String tenant, UUID id) {
    return transactions.read(
        em -> {
          TenantService.require(em, tenant);
          return view(require(em, tenant, id));
        });
  }

  /**
   * The entry as the actor may see it: whole with {@link Action#READ_CONTENT}; with only {@link
   * Action#READ_PUBLISHED} (journalists), its published translations, and a 404 when it has none.
   */
  public V get(String tenant, UUID id, Actor actor) {
    return transactions.read(
        em -> {
          boolean whole = canReadDrafts(em, actor, tenant);
          TenantService.require(em, tenant);
          E entity = require(em, tenant, id);
          if (whole) {
            return view(entity);
          }
          return publishedOnly(em, entity)
              .orElseThrow(
                  () ->
                      StorybankException.notFound(
                          "There is no published " + type.code() + " " + id + "."));
        });
  }

  /** For in-process callers that act with no user's rights. */
  public Page<V> list(String tenant, ListQuery query) {
    return transactions.read(em -> list(em, tenant, query, true));
  }

  /** The list as the actor may see it; see {@link #get(String, UUID, String)}. */
  public Page<V> list(String tenant, ListQuery query, Actor actor) {
    return transactions.read(em -> list(em, tenant, query, canReadDrafts(em, actor, tenant)));
  }

  private Page<V> list(EntityManager em, String tenant, ListQuery query, boolean whole) {
    Tenant owner = TenantService.require(em, tenant);
    List<E> page =
        listing.find(em, owner, TermIndex.load(em, tenant), query, whole ? null : clock.instant());
    String next = listing.nextCursor(page, query);
    List<E> items = next == null ? page : page.subList(0, page.size() - 1);
    if (whole) {
      return new Page<>(items.stream().map(this::view).toList(), next);
    }
    // Entries with nothing published drop out, so such a page may be shorter than the limit.
    return new Page<>(
        items.stream().map(e -> publishedOnly(em, e)).flatMap(java.util.Optional::stream).toList(),
        next);
  }

  private static boolean canReadDrafts(EntityManager em, Actor actor, String tenant) {
    if (Access.allows(em, actor, tenant, Action.READ_CONTENT)) {
      return true;
    }
    Access.require(em, actor, tenant, Action.READ_PUBLISHED);
    return false;
  }

  /**
   * The view as readers see it, built from a detached copy (the read-only tx): each translation
   * with a live revision shows that revision's text (an edit awaiting review stays unseen), and
   * translations with nothing live or still under embargo are left out.
   */
  private java.util.Optional<V> publishedOnly(EntityManager em, E entity) {
    view(entity); // loads every lazy association before the entity is detached
    Instant now = clock.instant();
    Map<String, TranslationRevision> live = new HashMap<>();
    for (Translation t : entity.translations().values()) {
      if (t.isLive(now)) {
        TranslationRevision shown =
            em.find(
                TranslationRevision.class,
                new RevisionId(entity.id(), t.locale(), t.liveRevision()));
        if (shown != null) {
          live.put(t.locale(), shown);
        }
      }
    }
    em.detach(entity);
    entity.translations().values().removeIf(t -> !live.containsKey(t.locale()));
    entity.translations().values().forEach(t -> t.showLive(live.get(t.locale())));
    return entity.translations().isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(view(entity));
  }

  /**
   * Type-specific filters beyond the shared ones: products filter by OCOP stars. Appends JPQL (the
   * entity is {@code e}) and its parameters.
   */
  protected void extraFilter(StringBuilder jpql, Map<String, Object> params, ListQuery query) {
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
          List<UUID> referrers =
              ctx.em()
                  .createQuery(
                      "select distinct e.id from Entry e join e.links l where l.target = :id",
                      UUID.class)
                  .setParameter("id", id)
                  .setMaxResults(10)
                  .getResultList();
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
              actor.recordedName(),
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
    return inContextSaved(
        tenant,
        actor,
        ctx -> {
          Access.requireMember(ctx.em(), actor, tenant);
          String tag = ctx.tenant().requireLocale("locale", locale);
          requireTranslationWrite(ctx.em(), actor, tenant, tag);
          E entity = require(ctx.em(), tenant, id);
          Versions.check(expectedVersion, entity.version(), describe(entity));
          boolean created = !entity.translations().containsKey(tag);
          Violations v = new Violations();
          translationWriter.apply(ctx, entity, tag, input, "", requiresTitle(), v);
          v.throwIfAny();
          TranslationWriter.updateSourceRevisions(ctx, entity);
          entity.audit().touch(actor.recordedName(), clock.instant());
          ctx.changed(entity, Operation.UPDATE, tag);
          return new Saved<>(entity, created);
        });
  }

  public V deleteTranslation(
      String tenant, UUID id, String locale, Long expectedVersion, Actor actor) {
    return inContext(
        tenant,
        actor,
        ctx -> {
          Access.require(ctx.em(), actor, tenant, deleteAction());
          E entity = require(ctx.em(), tenant, id);
          Versions.check(expectedVersion, entity.version(), describe(entity));
          String tag = ctx.tenant().requireLocale("locale", locale);
          requireTranslation(entity, tag);
          if (tag.equals(ctx.tenant().sourceLocale()) && entity.translations().size() > 1) {
            throw StorybankException.conflict(
                "The "
                    + tag
                    + " translation is the source of the others; delete those first or delete the"
                    + " whole entry.");
          }
          if (entity.translations().size() == 1) {
            throw StorybankException.conflict(
                "The "
                    + tag
                    + " translation is the entry's only one; an entry needs at least one, so delete"
                    + " the whole entry instead.");
          }
          entity.translations().remove(tag);
          ctx.forgetTranslation(entity.id(), tag);
          entity.audit().touch(actor.recordedName(), clock.instant());
          ctx.changed(entity, Operation.UPDATE, tag);
          return entity;
        });
  }

  /**
   * One review step on a translation (see {@link Workflow}); {@code comment} goes with a rejection.
   * The entry row is locked for the transaction, so concurrent reviewers queue.
   */
  public V act(
      String tenant, UUID id, String locale, WorkflowAction action, String comment, Actor actor) {
    return inContext(
        tenant,
        actor,
        ctx -> {
          // Submitting is the author's step; approving, rejecting and publishing are reviewers'.
          if (action == WorkflowAction.SUBMIT) {
            requireTranslationWrite(ctx.em(), actor, tenant, locale);
          } else {
            Access.require(ctx.em(), actor, tenant, Action.PUBLISH);
          }
          E entity = requireLocked(ctx.em(), tenant, id);
          String tag = ctx.tenant().requireLocale("locale", locale);
          Translation translation = requireTranslation(entity, tag);
          Long liveBefore = translation.liveRevision();
          act(ctx, entity, translation, action, comment);
          if (action == WorkflowAction.PUBLISH || action == WorkflowAction.UNPUBLISH) {
            if (!java.util.Objects.equals(liveBefore, translation.liveRevision())) {
              AuditLog.record(
                  ctx.em(),
                  actor.recordedName(),
                  action == WorkflowAction.PUBLISH ? AuditLog.PUBLISH : AuditLog.UNPUBLISH,
                  tenant,
                  type.code() + " " + id + " " + tag,
                  describe(entity));
            }
          }
          return entity;
        });
  }

  /** A review step in an open context (the scheduler's publish and unpublish). */
  public void act(
      WriteContext ctx,
      Entry entity,
      Translation translation,
      WorkflowAction action,
      String comment) {
    Instant now = clock.instant();
    switch (action) {
      case SUBMIT -> Workflow.submit(ctx, translation, now);
      case APPROVE -> Workflow.approve(ctx, translation, now);
      case REJECT -> Workflow.reject(ctx, translation, comment, now);
      case PUBLISH -> Workflow.publish(ctx, translation, now);
      case UNPUBLISH -> Workflow.unpublish(ctx, translation, now);
    }
    entity.audit().touch(ctx.actor().recordedName(), now);
    ctx.changed(
        entity,
        switch (action) {
          case PUBLISH -> Operation.PUBLISH;
          case UNPUBLISH -> Operation.UNPUBLISH;
          default -> Operation.UPDATE;
        },
        translation.locale());
  }

  /**
   * Logs a change of what is live that no write made (an embargo ended), so that search and
   * delivery look again.
   */
  public void liveChanged(WriteContext ctx, Entry entity, String locale) {
    entity.audit().touch(ctx.actor().recordedName(), clock.instant());
    ctx.changed(entity, Operation.UPDATE, locale);
  }

  /** Who approved the working revision of a translation so far. */
  public List<String> approvers(String tenant, UUID id, String locale, Actor actor) {
    return inTransaction(
        tenant,
        actor,
        ctx -> {
          Access.require(ctx.em(), actor, tenant, Action.READ_CONTENT);
          E entity = require(ctx.em(), tenant, id);
          return Workflow.approvers(
              ctx, requireTranslation(entity, ctx.tenant().requireLocale("locale", locale)));
        },
        list -> list);
  }

  /** Sets (or clears, with nulls) when a translation is published, unpublished and embargoed. */
  public V schedule(String tenant, UUID id, String locale, ScheduleInput input, Actor actor) {
    return inContext(
        tenant,
        actor,
        ctx -> {
          Access.require(ctx.em(), actor, tenant, Action.PUBLISH);
          E entity = requireLocked(ctx.em(), tenant, id);
          Translation t = requireTranslation(entity, ctx.tenant().requireLocale("locale", locale));
          if (input.publishAt() != null
              && input.unpublishAt() != null
              && !input.unpublishAt().isAfter(input.publishAt())) {
            throw StorybankException.invalid("unpublishAt", "must be after publishAt");
          }
          t.schedule(input.publishAt(), input.unpublishAt(), input.embargoUntil());
          entity.audit().touch(actor.recordedName(), clock.instant());
          // An embargo changes what is live now, so readers must look again.
          ctx.changed(entity, Operation.UPDATE, t.locale());
          return entity;
        });
  }

  // ---------------------------------------------------------------- revisions

  /**
   * Checks that the actor may read this tenant's drafts and that the entry is one of the tenant's,
   * for reads of the editorial team's that another service answers (the live read model). The
   * review history, revisions and staleness below check the same in their own transaction.
   */
  public void requireEditorialRead(String tenant, UUID id, Actor actor) {
    transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_CONTENT);
          TenantService.require(em, tenant);
          return require(em, tenant, id);
        });
  }

  /** The kept revisions of one locale, newest first. */
  public List<RevisionView> revisions(String tenant, UUID id, String locale, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_CONTENT);
          TenantService.require(em, tenant);
          E entity = require(em, tenant, id);
          String tag = TenantService.require(em, tenant).requireLocale("locale", locale);
          Translation t = requireTranslation(entity, tag);
          return revisionRows(em, id, tag).stream()
              .map(
                  r ->
                      new RevisionView(
                          tag,
                          r.revision(),
                          r.title(),
                          r.sourceRevision(),
                          r.savedAt(),
                          r.savedBy(),
                          Long.valueOf(r.revision()).equals(t.liveRevision())))
              .toList();
        });
  }

  /** Field by field, what changed in a locale from revision {@code against} to {@code n}. */
  public RevisionDiff diff(
      String tenant, UUID id, String locale, long n, long against, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_CONTENT);
          E entity = require(em, tenant, id);
          String tag = TenantService.require(em, tenant).requireLocale("locale", locale);
          requireTranslation(entity, tag);
          return new RevisionDiff(
              tag,
              n,
              against,
              changes(requireRevision(em, id, tag, against), requireRevision(em, id, tag, n)));
        });
  }

  /** Makes an old revision's text the working text again, as a new revision (a draft). */
  public V restore(String tenant, UUID id, String locale, long n, Actor actor) {
    return inContext(
        tenant,
        actor,
        ctx -> {
          requireTranslationWrite(ctx.em(), actor, tenant, locale);
          E entity = requireLocked(ctx.em(), tenant, id);
          String tag = ctx.tenant().requireLocale("locale", locale);
          Translation t = requireTranslation(entity, tag);
          TranslationRevision old = requireRevision(ctx.em(), id, tag, n);
          Instant now = clock.instant();
          if (!t.applyText(old.text(), actor.recordedName(), now)) {
            throw StorybankException.conflict(
                "The " + tag + " translation's working text is revision " + n + "'s already.");
          }
          if (!tag.equals(ctx.tenant().sourceLocale())) {
            t.setSourceRevision(old.sourceRevision());
          }
          entity.audit().touch(actor.recordedName(), now);
          ctx.changed(entity, Operation.UPDATE, tag);
          return entity;
        });
  }

  /** Whether a translation lags behind the source locale, and what changed there since. */
  public Staleness staleness(String tenant, UUID id, String locale, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_CONTENT);
          Tenant owner = TenantService.require(em, tenant);
          E entity = require(em, tenant, id);
          String tag = owner.requireLocale("locale", locale);
          Translation t = requireTranslation(entity, tag);
          String sourceLocale = owner.sourceLocale();
          Translation source = entity.translations().get(sourceLocale);
          if (source == null || tag.equals(sourceLocale)) {
            return new Staleness(
                tag, sourceLocale, false, null, source == null ? 0 : source.revision(), List.of());
          }
          Long madeFrom = t.sourceRevision();
          boolean stale = madeFrom == null || madeFrom < source.revision();
          List<FieldChange> changes = List.of();
          if (stale && madeFrom != null) {
            TranslationRevision then = revisionRow(em, id, sourceLocale, madeFrom);
            TranslationRevision current = revisionRow(em, id, sourceLocale, source.revision());
            if (then != null && current != null) {
              changes = changes(then, current);
            }
          }
          return new Staleness(tag, sourceLocale, stale, madeFrom, source.revision(), changes);
        });
  }

  private static List<FieldChange> changes(TranslationRevision from, TranslationRevision to) {
    List<FieldChange> changes = new ArrayList<>();
    Map<String, String> after = to.fields();
    from.fields()
        .forEach(
            (field, before) -> {
              String now = after.get(field);
              if (!java.util.Objects.equals(before, now)) {
                changes.add(new FieldChange(field, before, now));
              }
            });
    return changes;
  }

  private static List<TranslationRevision> revisionRows(EntityManager em, UUID id, String locale) {
    return em.createQuery(
            "select r from TranslationRevision r where r.id.entryId = :entry and r.id.locale ="
                + " :locale order by r.id.revision desc",
            TranslationRevision.class)
        .setParameter("entry", id)
        .setParameter("locale", locale)
        .getResultList();
  }

  private static TranslationRevision revisionRow(EntityManager em, UUID id, String locale, long n) {
    return em.find(TranslationRevision.class, new RevisionId(id, locale, n));
  }

  private static TranslationRevision requireRevision(
      EntityManager em, UUID id, String locale, long n) {
    TranslationRevision row = revisionRow(em, id, locale, n);
    if (row == null) {
      throw StorybankException.notFound(
          "The " + locale + " translation of " + id + " has no revision " + n + ".");
    }
    return row;
  }

  /** Runs writes on a tenant's entries in one transaction and returns the entry's view. */
  private V inContext(String tenant, Actor actor, Function<WriteContext, E> work) {
    return inTransaction(tenant, actor, work, this::view);
  }

  private Saved<V> inContextSaved(
      String tenant, Actor actor, Function<WriteContext, Saved<E>> work) {
    return inTransaction(
        tenant, actor, work, result -> new Saved<>(view(result.value()), result.created()));
  }

  /**
   * Opens a write context for several writes in one transaction (import). {@code after} runs after
   * the changes are flushed and logged, when versions are final.
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

  private String describe(E entity) {
    String title =
        entity.translations().values().stream()
            .map(Translation::title)
            .filter(t -> t != null)
            .findFirst()
            .orElse(entity.id().toString());
    return capitalized(type.code()) + " '" + title + "'";
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
    Map<String, TranslationInput> translations =
        input.translations() == null ? Map.of() : input.translations();
    if (translations.isEmpty()) {
      v.add("translations", "must contain at least one locale");
    }
    Map<String, TranslationInput> byTag = new LinkedHashMap<>();
    translations.forEach(
        (locale, translation) -> {
          var tag = ctx.tenant().enabledLocale(locale);
          if (tag.isEmpty()) {
            try {
              ctx.tenant().requireLocale("translations." + locale, locale);
            } catch (StorybankException e) {
              e.fieldErrors().forEach(f -> v.add(f.field(), f.message()));
            }
          } else if (translation == null) {
            v.add("translations." + locale, "must be an object");
          } else {
            byTag.put(tag.get(), translation);
          }
        });
    byTag.forEach(
        (tag, translation) ->
            translationWriter.apply(
                ctx, entity, tag, translation, "translations." + tag + ".", requiresTitle(), v));
    String source = ctx.tenant().sourceLocale();
    if (!byTag.isEmpty()
        && !byTag.containsKey(source)
        && entity.translations().containsKey(source)) {
      v.add(
          "translations." + source,
          "is the source the other translations were made from; it cannot be removed while they"
              + " exist");
    }
    v.throwIfAny();
    for (String removed : new ArrayList<>(entity.translations().keySet())) {
      if (!byTag.containsKey(removed)) {
        ctx.forgetTranslation(entity.id(), removed);
      }
    }
    entity.translations().keySet().retainAll(byTag.keySet());
    TranslationWriter.updateSourceRevisions(ctx, entity);
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
    List<EntryLink> links = new ArrayList<>();
    if (targets == null || targets.isEmpty()) {
      return links;
    }
    Map<UUID, EntryType> existing = ctx.existingEntries(new LinkedHashSet<>(targets));
    Set<UUID> seen = new LinkedHashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      UUID target = targets.get(i);
      String field = role + "[" + i + "]";
      EntryType found = target == null ? null : existing.get(target);
      if (target == null) {
        v.add(field, "must be an entry id");
      } else if (target.equals(self.id())) {
        v.add(field, "an entry cannot link to itself");
      } else if (found == null) {
        v.add(field, "there is no entry " + target + " in tenant " + ctx.tenant().code());
      } else if (!allowed.contains(found)) {
        v.add(field, target + " is a " + found.code() + ", expected " + codes(allowed));
      } else if (!seen.add(target)) {
        v.add(field, target + " is listed twice");
      } else {
        links.add(new EntryLink(role, target));
      }
    }
    return links;
  }

  private static String codes(Set<EntryType> types) {
    return String.join(" or ", types.stream().map(EntryType::code).toList());
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
