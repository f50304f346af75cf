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
          Long liveBefore = translation.liveRevision();
          act(ctx, entity, translation, action, comment);
          if (action == WorkflowAction.PUBLISH || action == WorkflowAction.UNPUBLISH) {
            if (!java.util.Objects.equals(liveBefore, translation.liveRevision())) {
              AuditLog.record(
                  ctx.em(),
                  clock,
                  actor.recordedName(),
                  action == WorkflowAction.PUBLISH ? AuditLog.PUBLISH : AuditLog.UNPUBLISH,
                  tenant,
                  entries.type().code() + " " + id + " " + tag,
                  entries.describe(entity));
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
          entity.audit().touch(actor.recordedName(), clock.instant());
          // An embargo changes what is live now, so readers must look again.
          ctx.changed(entity, Operation.UPDATE, t.locale());
          return entity;
        });
  }
}
