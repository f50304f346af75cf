package vn.storybank.core.entry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Actor;
import vn.storybank.core.account.AuditLog;
import vn.storybank.core.changelog.Operation;
import vn.storybank.core.error.StorybankException;

/**
 * The review steps of one entry type's translations (submit, approve, reject, publish, unpublish;
 * see {@link Workflow}) and their schedule. Each public step checks the actor in its own
 * transaction; the steps in an open {@link WriteContext} are the scheduler's.
 */
public final class ReviewSteps<E extends Entry, V extends EntryView> {
  private final EntryService<E, ?, V> entries;
  private final Clock clock;

  ReviewSteps(EntryService<E, ?, V> entries, Clock clock) {
    this.entries = entries;
    this.clock = clock;
  }

  /**
   * One review step on a translation (see {@link Workflow}); {@code comment} goes with a rejection.
   * The entry row is locked for the transaction, so concurrent reviewers queue.
   */
  public V act(
      String tenant, UUID id, String locale, WorkflowAction action, String comment, Actor actor) {
    return entries.inContext(
        tenant,
        actor,
        ctx -> {
          // Submitting is the author's step; approving, rejecting and publishing are reviewers'.
          if (action == WorkflowAction.SUBMIT) {
            entries.requireTranslationWrite(ctx.em(), actor, tenant, locale);
          } else {
            Access.require(ctx.em(), actor, tenant, Action.PUBLISH);
          }
          E entity = entries.requireLocked(ctx.em(), tenant, id);
          String tag = ctx.tenant().requireLocale("locale", locale);
          Translation translation = EntryService.requireTranslation(entity, tag);
          act(ctx, entity, translation, action, comment);
          return entity;
        });
  }

  /**
   * A review step in an open context (also the scheduler's publish and unpublish), audited under
   * the context's actor: a publish or unpublish when it changed what is live.
   */
  public void act(
      WriteContext ctx,
      Entry entity,
      Translation translation,
      WorkflowAction action,
      String comment) {
    Instant now = clock.instant();
    Long liveBefore = translation.liveRevision();
    switch (action) {
      case SUBMIT -> Workflow.submit(ctx, translation, now);
      case APPROVE -> Workflow.approve(ctx, translation, now);
      case REJECT -> Workflow.reject(ctx, translation, comment, now);
      case PUBLISH -> Workflow.publish(ctx, translation, now);
      case UNPUBLISH -> Workflow.unpublish(ctx, translation, now);
    }
    boolean liveChanged = !java.util.Objects.equals(liveBefore, translation.liveRevision());
    if (liveChanged || (action != WorkflowAction.PUBLISH && action != WorkflowAction.UNPUBLISH)) {
      audit(
          ctx,
          entity,
          translation.locale(),
          switch (action) {
            case SUBMIT -> AuditLog.SUBMIT;
            case APPROVE -> AuditLog.APPROVE;
            case REJECT -> AuditLog.REJECT;
            case PUBLISH -> AuditLog.PUBLISH;
            case UNPUBLISH -> AuditLog.UNPUBLISH;
          },
          action == WorkflowAction.REJECT && comment != null
              ? entries.describe(entity) + ": " + comment
              : entries.describe(entity));
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
    audit(ctx, entity, locale, AuditLog.EMBARGO_ENDED, entries.describe(entity));
    entity.audit().touch(ctx.actor().recordedName(), clock.instant());
    ctx.changed(entity, Operation.UPDATE, locale);
  }

  /** One audit row for the step, in place of the context's generic "update" of the entry. */
  private void audit(WriteContext ctx, Entry entity, String locale, String action, String detail) {
    AuditLog.record(
        ctx.em(),
        clock,
        ctx.actor(),
        action,
        entity.tenant(),
        entries.type().code() + " " + entity.id() + " " + locale,
        detail);
    ctx.audited(entity);
  }

  /** Who approved the working revision of a translation so far. */
  public List<String> approvers(String tenant, UUID id, String locale, Actor actor) {
    return entries.inTransaction(
        tenant,
        actor,
        ctx -> {
          Access.require(ctx.em(), actor, tenant, Action.READ_CONTENT);
          E entity = entries.require(ctx.em(), tenant, id);
          return Workflow.approvers(
              ctx,
              EntryService.requireTranslation(
                  entity, ctx.tenant().requireLocale("locale", locale)));
        },
        list -> list);
  }

  /** Sets (or clears, with nulls) when a translation is published, unpublished and embargoed. */
  public V schedule(String tenant, UUID id, String locale, ScheduleInput input, Actor actor) {
    return entries.inContext(
        tenant,
        actor,
        ctx -> {
          Access.require(ctx.em(), actor, tenant, Action.PUBLISH);
          E entity = entries.requireLocked(ctx.em(), tenant, id);
          Translation t =
              EntryService.requireTranslation(entity, ctx.tenant().requireLocale("locale", locale));
          if (input.publishAt() != null
              && input.unpublishAt() != null
              && !input.unpublishAt().isAfter(input.publishAt())) {
            throw StorybankException.invalid("unpublishAt", "must be after publishAt");
          }
          t.schedule(input.publishAt(), input.unpublishAt(), input.embargoUntil());
          audit(
              ctx,
              entity,
              t.locale(),
              AuditLog.SCHEDULE_CHANGED,
              "publishAt="
                  + input.publishAt()
                  + " unpublishAt="
                  + input.unpublishAt()
                  + " embargoUntil="
                  + input.embargoUntil());
          entity.audit().touch(actor.recordedName(), clock.instant());
          // An embargo changes what is live now, so readers must look again.
          ctx.changed(entity, Operation.UPDATE, t.locale());
          return entity;
        });
  }
}
