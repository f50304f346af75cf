package vn.storybank.core.entry;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Actor;
import vn.storybank.core.changelog.Operation;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.tenant.Tenant;
import vn.storybank.core.tenant.TenantQueries;

/**
 * The kept revisions of one entry type's translations: the history, a diff between two, restoring
 * an old one, and whether a translation lags behind its source. Each checks the actor in its own
 * transaction.
 */
public final class Revisions<E extends Entry, V extends EntryView> {
  private final EntryService<E, ?, V> entries;
  private final Transactions transactions;
  private final Clock clock;

  Revisions(EntryService<E, ?, V> entries, Transactions transactions, Clock clock) {
    this.entries = entries;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Checks that the actor may read this tenant's drafts and that the entry is one of the tenant's,
   * for reads of the editorial team's that another service answers (the live read model). The
   * review history, revisions and staleness below check the same in their own transaction.
   */
  public void requireEditorialRead(String tenant, UUID id, Actor actor) {
    transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_CONTENT);
          new TenantQueries(em).require(tenant);
          return entries.require(em, tenant, id);
        });
  }

  /** The kept revisions of one locale, newest first. */
  public List<RevisionView> list(String tenant, UUID id, String locale, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_CONTENT);
          new TenantQueries(em).require(tenant);
          E entity = entries.require(em, tenant, id);
          String tag = new TenantQueries(em).require(tenant).requireLocale("locale", locale);
          Translation t = EntryService.requireTranslation(entity, tag);
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
          E entity = entries.require(em, tenant, id);
          String tag = new TenantQueries(em).require(tenant).requireLocale("locale", locale);
          EntryService.requireTranslation(entity, tag);
          return new RevisionDiff(
              tag,
              n,
              against,
              changes(requireRevision(em, id, tag, against), requireRevision(em, id, tag, n)));
        });
  }

  /** Makes an old revision's text the working text again, as a new revision (a draft). */
  public V restore(String tenant, UUID id, String locale, long n, Actor actor) {
    return entries.inContext(
        tenant,
        actor,
        ctx -> {
          entries.requireTranslationWrite(ctx.em(), actor, tenant, locale);
          E entity = entries.requireLocked(ctx.em(), tenant, id);
          String tag = ctx.tenant().requireLocale("locale", locale);
          Translation t = EntryService.requireTranslation(entity, tag);
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
          Tenant owner = new TenantQueries(em).require(tenant);
          E entity = entries.require(em, tenant, id);
          String tag = owner.requireLocale("locale", locale);
          Translation t = EntryService.requireTranslation(entity, tag);
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
    return new TranslationQueries(em).revisionsNewestFirst(id, locale);
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
}
