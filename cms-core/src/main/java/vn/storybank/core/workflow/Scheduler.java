package vn.storybank.core.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import vn.storybank.core.account.Actor;
import vn.storybank.core.account.AuditLog;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryComment;
import vn.storybank.core.entry.EntryService;
import vn.storybank.core.entry.Translation;
import vn.storybank.core.entry.TranslationQueries;
import vn.storybank.core.entry.WorkflowAction;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.persistence.Transactions;

/**
 * Fires due publish, unpublish and embargo times. Each due time is claimed by clearing it with a
 * conditional update (… where publish_at = the due time) in the same transaction that acts on it:
 * of several nodes polling at once, the first holds the row lock and commits, the others then
 * update nothing and skip it. What fell due while no node ran is simply due at the next poll.
 */
public final class Scheduler {
  private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());
  private static final int BATCH = 200;

  /**
   * A lower bound for the due-time queries. H2 sorts NULL first in an ascending index, so "at <=
   * now" alone walks the nulls of every translation without a schedule: 600,000 rows and 26,000
   * page reads per kind every 5 seconds on a 200,000-story bank, seen in a profile. With the bound
   * the index range starts after them (PostgreSQL sorts NULL last and needs no help).
   */
  static final Instant LONG_AGO = Instant.parse("1900-01-01T00:00:00Z");

  private final Transactions transactions;
  private final Clock clock;
  private final Map<String, EntryService<?, ?, ?>> services;

  public Scheduler(Transactions transactions, Clock clock, List<EntryService<?, ?, ?>> services) {
    this.transactions = transactions;
    this.clock = clock;
    this.services =
        services.stream().collect(Collectors.toMap(s -> s.type().code(), Function.identity()));
  }

  private enum Kind {
    PUBLISH("publishAt"),
    UNPUBLISH("unpublishAt"),
    EMBARGO_END("embargoUntil");

    final String attribute;

    Kind(String attribute) {
      this.attribute = attribute;
    }
  }

  private record Due(
      Kind kind, UUID entryId, String locale, String tenant, String type, Instant at) {}

  /** Fires what is due now; returns how many times this node fired. */
  public int runDue() {
    Instant now = clock.instant();
    int fired = 0;
    for (Due due : due(now)) {
      try {
        if (fire(due)) {
          fired++;
        }
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING, e, () -> "Scheduled " + due + " failed; it is tried again next time");
      }
    }
    return fired;
  }

  private List<Due> due(Instant now) {
    return transactions.read(
        em -> {
          List<Due> due = new ArrayList<>();
          for (Kind kind : Kind.values()) {
            new TranslationQueries(em)
                .scheduledBetween(kind.attribute, LONG_AGO, now, BATCH)
                .forEach(
                    t ->
                        due.add(
                            new Due(
                                kind,
                                t.entry().id(),
                                t.locale(),
                                t.tenant(),
                                t.entryType(),
                                switch (kind) {
                                  case PUBLISH -> t.publishAt();
                                  case UNPUBLISH -> t.unpublishAt();
                                  case EMBARGO_END -> t.embargoUntil();
                                })));
          }
          return due;
        });
  }

  private boolean fire(Due due) {
    EntryService<?, ?, ?> service = services.get(due.type());
    return service.inTransaction(
        due.tenant(),
        Actor.SCHEDULER,
        ctx -> {
          // The entry's row lock first, as review steps take it, so the two never wait on each
          // other in opposite order.
          Entry entry;
          try {
            entry = service.requireLocked(ctx.em(), due.tenant(), due.entryId());
          } catch (StorybankException gone) {
            return Boolean.FALSE;
          }
          int claimed =
              new TranslationQueries(ctx.em())
                  .claimSchedule(due.entryId(), due.locale(), due.kind().attribute, due.at());
          if (claimed == 0) {
            return Boolean.FALSE;
          }
          // The bulk update bypassed the persistence context: read the row as it is now.
          ctx.em().refresh(entry.translations().get(due.locale()));
          Translation t = EntryService.requireTranslation(entry, due.locale());
          try {
            switch (due.kind()) {
              case PUBLISH -> service.review().act(ctx, entry, t, WorkflowAction.PUBLISH, null);
              case UNPUBLISH -> service.review().act(ctx, entry, t, WorkflowAction.UNPUBLISH, null);
              case EMBARGO_END -> service.review().liveChanged(ctx, entry, due.locale());
            }
          } catch (StorybankException e) {
            // The state changed since it was scheduled; the editors are told in the thread.
            String note =
                "The "
                    + due.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " scheduled for "
                    + due.at()
                    + " did not happen: "
                    + e.getMessage();
            ctx.em()
                .persist(
                    new EntryComment(
                        due.entryId(),
                        due.locale(),
                        Actor.SCHEDULER.recordedName(),
                        note,
                        clock.instant()));
            AuditLog.record(
                ctx.em(),
                clock,
                Actor.SCHEDULER,
                AuditLog.COMMENT_ADDED,
                due.tenant(),
                due.type() + " " + due.entryId() + " " + due.locale(),
                note);
          }
          return Boolean.TRUE;
        },
        r -> r);
  }
}
