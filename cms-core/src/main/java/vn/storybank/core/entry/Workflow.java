package vn.storybank.core.entry;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.taxonomy.Term;
import vn.storybank.core.taxonomy.TermKind;

/**
 * The review rules of one translation. The caller holds a row lock on the entry, so two reviewers
 * acting at once are serialised: both approvals count, and a publish sees every approval.
 */
final class Workflow {
  private Workflow() {}

  /** Whether one of the entry's topics (or a topic above one) is sensitive for the tenant. */
  static boolean sensitive(WorkflowSettings settings, Entry entry) {
    Set<String> codes = new HashSet<>();
    for (Term term : entry.terms()) {
      for (Term t = term; t != null && t.kind() == TermKind.TOPIC; t = t.parent()) {
        codes.add(t.code());
      }
    }
    return settings.sensitiveTopics().stream().anyMatch(codes::contains);
  }

  static int approvalsNeeded(boolean sensitive) {
    return sensitive ? 2 : 1;
  }

  /** Who saved the working revision: its author, who may not approve it. */
  static String author(WriteContext ctx, Translation t) {
    TranslationRevision row =
        ctx.em()
            .find(
                TranslationRevision.class,
                new RevisionId(t.entry().id(), t.locale(), t.revision()));
    return row == null ? t.updatedBy() : row.savedBy();
  }

  static List<String> approvers(WriteContext ctx, Translation t) {
    return new TranslationQueries(ctx.em()).approvers(t);
  }

  static void submit(WriteContext ctx, Translation t, Instant now) {
    if (t.status() != TranslationStatus.DRAFT && t.status() != TranslationStatus.ARCHIVED) {
      throw wrongState(t, "submitted for review", "only a draft can be");
    }
    t.submitted(ctx.actor().recordedName(), now);
  }

  static void approve(WriteContext ctx, Translation t, Instant now) {
    if (t.status() != TranslationStatus.IN_REVIEW) {
      throw wrongState(t, "approved", "only a translation in review can be");
    }
    String author = author(ctx, t);
    if (author.equals(ctx.actor().recordedName())) {
      throw StorybankException.conflict(
          "You saved revision "
              + t.revision()
              + " of the "
              + t.locale()
              + " translation; its approvers must be other people.");
    }
    List<String> approvers = approvers(ctx, t);
    if (approvers.contains(ctx.actor().recordedName())) {
      throw StorybankException.conflict(
          "You approved revision "
              + t.revision()
              + " of the "
              + t.locale()
              + " translation already; it needs an approval from someone else.");
    }
    ctx.em()
        .persist(
            new TranslationApproval(
                new TranslationApproval.Key(
                    t.entry().id(), t.locale(), t.revision(), ctx.actor().recordedName()),
                now));
    boolean sensitive = sensitive(ctx.workflowSettings(), t.entry());
    if (approvers.size() + 1 >= approvalsNeeded(sensitive)) {
      t.setStatus(TranslationStatus.APPROVED, ctx.actor().recordedName(), now);
    } else {
      t.setStatus(TranslationStatus.IN_REVIEW, ctx.actor().recordedName(), now);
    }
  }

  static void reject(WriteContext ctx, Translation t, String comment, Instant now) {
    if (comment == null || comment.isBlank()) {
      throw StorybankException.invalid(
          "comment", "say what the author should change (a rejection needs a comment)");
    }
    if (comment.length() > 10_000) {
      throw StorybankException.invalid("comment", "must be at most 10000 characters");
    }
    if (t.status() != TranslationStatus.IN_REVIEW && t.status() != TranslationStatus.APPROVED) {
      throw wrongState(t, "rejected", "only a translation in review or approved can be");
    }
    new TranslationQueries(ctx.em()).dropApprovals(t);
    ctx.em()
        .persist(
            new EntryComment(
                t.entry().id(), t.locale(), ctx.actor().recordedName(), comment.strip(), now));
    t.returned(ctx.actor().recordedName(), now);
  }

  /**
   * Publishing makes the working revision live. It needs the approvals the entry's topics call for;
   * only a non-sensitive translation of a tenant that allows direct publishing may skip review (the
   * tenant's small newsroom publishes its own non-sensitive stories).
   */
  static void publish(WriteContext ctx, Translation t, Instant now) {
    if (t.status() == TranslationStatus.PUBLISHED
        && Long.valueOf(t.revision()).equals(t.liveRevision())) {
      throw StorybankException.conflict(
          "The "
              + t.locale()
              + " translation is published already (revision "
              + t.revision()
              + " is live).");
    }
    WorkflowSettings settings = ctx.workflowSettings();
    boolean sensitive = sensitive(settings, t.entry());
    int needed = approvalsNeeded(sensitive);
    if (t.status() == TranslationStatus.APPROVED) {
      int approvals = approvers(ctx, t).size();
      if (approvals < needed) {
        throw StorybankException.conflict(
            "The "
                + t.locale()
                + " translation is approved by "
                + approvals
                + " but needs "
                + needed
                + " approvals (its topics are sensitive); it stays approved until another"
                + " approver approves it after a new review.");
      }
    } else if (sensitive || !settings.directPublish()) {
      throw wrongState(
          t,
          "published",
          sensitive
              ? "its topics are sensitive, so it needs two approvals first; only an approved"
                  + " translation can be"
              : "tenant "
                  + ctx.tenant().code()
                  + " publishes only approved translations; only"
                  + " an approved translation can be");
    }
    t.publish(ctx.actor().recordedName(), now);
  }

  static void unpublish(WriteContext ctx, Translation t, Instant now) {
    if (t.liveRevision() == null) {
      throw wrongState(t, "unpublished", "only a published translation can be");
    }
    t.unpublish(ctx.actor().recordedName(), now);
  }

  /**
   * A status named in a saved translation (PUT, import): the same as before means nothing;
   * "published" publishes directly under the rules above; "draft" withdraws it from review;
   * "archived" takes it down; "in_review" or "approved" put it in review (approvals are given only
   * through the approve step).
   */
  static void statusFromInput(
      WriteContext ctx,
      Translation t,
      TranslationStatus before,
      TranslationStatus wanted,
      Instant now) {
    if (wanted == null || wanted == before) {
      return;
    }
    switch (wanted) {
      case PUBLISHED -> publish(ctx, t, now);
      case DRAFT -> t.setStatus(TranslationStatus.DRAFT, ctx.actor().recordedName(), now);
      case ARCHIVED -> {
        if (t.liveRevision() != null) {
          t.unpublish(ctx.actor().recordedName(), now);
        }
        t.setStatus(TranslationStatus.ARCHIVED, ctx.actor().recordedName(), now);
      }
      // Approvals are not carried by a saved text (an export, say): it goes back into review.
      case IN_REVIEW, APPROVED -> t.submitted(ctx.actor().recordedName(), now);
    }
  }

  private static StorybankException wrongState(Translation t, String action, String rule) {
    return StorybankException.conflict(
        "The "
            + t.locale()
            + " translation is "
            + t.status().code().replace('_', ' ')
            + " (revision "
            + t.revision()
            + (t.liveRevision() == null
                ? ", nothing live"
                : ", revision " + t.liveRevision() + " live")
            + "); "
            + rule
            + " "
            + action
            + ".");
  }
}
