package vn.storybank.core.workflow;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Actor;
import vn.storybank.core.account.AuditLog;
import vn.storybank.core.entry.CommentQueries;
import vn.storybank.core.entry.CommentView;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryComment;
import vn.storybank.core.entry.Translation;
import vn.storybank.core.entry.TranslationQueries;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.entry.WorkflowSettings;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.taxonomy.TermIndex;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.tenant.Tenant;
import vn.storybank.core.tenant.TenantQueries;

/** Review threads, each user's task list, the translation dashboard and the review rules. */
public final class WorkflowService {
  private static final int LIST_LIMIT = 100;
  private final Transactions transactions;
  private final Clock clock;

  public WorkflowService(Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- comments

  /** An entry's comment thread, for the tenant's editorial team. */
  public List<CommentView> comments(String tenant, String type, UUID id, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_CONTENT);
          requireEntry(em, tenant, type, id);
          return new CommentQueries(em).of(id).stream().map(EntryComment::view).toList();
        });
  }

  /** Adds a comment to an entry's thread, about one locale or (null) the whole entry. */
  public CommentView comment(
      String tenant, String type, UUID id, String locale, String body, Actor actor) {
    return transactions.write(
        em -> {
          Access.require(em, actor, tenant, Action.READ_CONTENT);
          Tenant owner = new TenantQueries(em).require(tenant);
          requireEntry(em, tenant, type, id);
          Violations v = new Violations();
          v.requireText("body", body, 10_000);
          v.throwIfAny();
          String tag = locale == null ? null : owner.requireLocale("locale", locale);
          EntryComment comment =
              new EntryComment(id, tag, actor.recordedName(), body.strip(), clock.instant());
          em.persist(comment);
          AuditLog.record(
              em,
              clock,
              actor,
              AuditLog.COMMENT_ADDED,
              tenant,
              type + " " + id + (tag == null ? "" : " " + tag),
              null);
          return comment.view();
        });
  }

  // ---------------------------------------------------------------- tasks

  public Tasks tasks(String tenant, Actor actor) {
    String user = actor.recordedName();
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_CONTENT);
          Tenant owner = new TenantQueries(em).require(tenant);
          List<TaskItem> toReview = new ArrayList<>();
          List<Translation> inReview = translations(em, tenant, null, TranslationStatus.IN_REVIEW);
          Map<String, String> authors = authors(em, inReview);
          Set<String> approvedByUser = approvedBy(em, inReview, user);
          for (Translation t : inReview) {
            if (!user.equals(authors.get(key(t))) && !approvedByUser.contains(key(t))) {
              toReview.add(item(t, t.title(), "submitted by " + authors.get(key(t))));
            }
          }
          List<TaskItem> returned = new ArrayList<>();
          List<TaskItem> toTranslate = new ArrayList<>();
          Map<UUID, Long> sourceRevisions = sourceRevisions(em, owner);
          for (Translation t : translations(em, tenant, null, null)) {
            if (t.locale().equals(owner.sourceLocale())) {
              continue;
            }
            boolean mine = user.equals(t.updatedBy());
            Long source = sourceRevisions.get(t.entry().id());
            if (mine
                && source != null
                && (t.sourceRevision() == null || t.sourceRevision() < source)) {
              toTranslate.add(
                  item(
                      t,
                      t.title(),
                      "the source changed since revision " + t.sourceRevision() + " of it"));
            }
          }
          List<Translation> drafts = translations(em, tenant, null, TranslationStatus.DRAFT);
          Map<String, String> draftAuthors = authors(em, drafts);
          for (Translation t : drafts) {
            if (t.returnedAt() != null && user.equals(draftAuthors.get(key(t)))) {
              returned.add(item(t, t.title(), "returned by " + t.returnedBy()));
            }
          }
          return new Tasks(user, limit(toReview), limit(toTranslate), limit(returned));
        });
  }

  // ---------------------------------------------------------------- dashboard

  /**
   * The dashboard, for the tenant's editorial team: counted by the database, each list the 100 most
   * recently changed.
   */
  public Dashboard dashboard(String tenant, String locale, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_CONTENT);
          Tenant owner = new TenantQueries(em).require(tenant);
          String tag = owner.requireLocale("locale", locale);
          String source = owner.sourceLocale();
          TranslationQueries q = new TranslationQueries(em);
          List<TaskItem> missing =
              q.missing(tenant, source, tag, LIST_LIMIT).stream()
                  .map(s -> item(s, s.title(), "no " + tag + " translation yet"))
                  .toList();
          List<TaskItem> stale =
              q.stale(tenant, source, tag, LIST_LIMIT).stream()
                  .map(
                      row -> {
                        Translation t = (Translation) row[0];
                        return item(
                            t,
                            t.title(),
                            "made from source revision "
                                + t.sourceRevision()
                                + ", the source is at "
                                + row[1]);
                      })
                  .toList();
          List<TaskItem> inReview =
              q.inReview(tenant, tag, LIST_LIMIT).stream()
                  .map(t -> item(t, t.title(), null))
                  .toList();
          List<TaskItem> published =
              q.live(tenant, tag, LIST_LIMIT).stream()
                  .map(t -> item(t, t.title(), "revision " + t.liveRevision() + " is live"))
                  .toList();
          return new Dashboard(
              tag,
              source,
              Math.toIntExact(q.countMissing(tenant, source, tag)),
              Math.toIntExact(q.countStale(tenant, source, tag)),
              Math.toIntExact(q.countInReview(tenant, tag)),
              Math.toIntExact(q.countLive(tenant, tag)),
              missing,
              stale,
              inReview,
              published);
        });
  }

  // ---------------------------------------------------------------- settings

  /** The workflow settings: tenant settings, which every member may read. */
  public SettingsView settings(String tenant, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_PUBLISHED);
          new TenantQueries(em).require(tenant);
          return view(WorkflowSettings.of(em, tenant));
        });
  }

  /** Changes the workflow settings (tenant admins). */
  public SettingsView putSettings(String tenant, SettingsView input, Actor actor) {
    return transactions.write(
        em -> {
          Access.require(em, actor, tenant, Action.TENANT_SETTINGS);
          new TenantQueries(em).require(tenant);
          Violations v = new Violations();
          if (input.sensitiveTopics() == null) {
            v.add("sensitiveTopics", "must be a list of topic term codes (may be empty)");
          } else {
            for (int i = 0; i < input.sensitiveTopics().size(); i++) {
              String code = input.sensitiveTopics().get(i);
              if (code == null || !code.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                v.add("sensitiveTopics[" + i + "]", "must be a term code like human-rights");
              }
            }
          }
          if (input.directPublish() == null) {
            v.add("directPublish", "must be true or false");
          }
          v.throwIfAny();
          // Only the tenant's own topics: an unknown code would make nothing sensitive, silently.
          TermIndex.load(em, tenant)
              .resolve(TermKind.TOPIC, "sensitiveTopics", input.sensitiveTopics(), v);
          List<String> topics = List.copyOf(new java.util.LinkedHashSet<>(input.sensitiveTopics()));
          v.maxJoinedLength("sensitiveTopics", topics, WorkflowSettings.MAX_TOPICS_CHARS);
          v.throwIfAny();
          WorkflowSettings settings = em.find(WorkflowSettings.class, tenant);
          if (settings == null) {
            settings = new WorkflowSettings(tenant, topics, input.directPublish());
            em.persist(settings);
          } else {
            settings.replace(topics, input.directPublish());
          }
          AuditLog.record(
              em,
              clock,
              actor,
              AuditLog.REVIEW_RULES_CHANGED,
              tenant,
              "review rules",
              "sensitiveTopics=" + topics + " directPublish=" + input.directPublish());
          return view(settings);
        });
  }

  private static SettingsView view(WorkflowSettings s) {
    return new SettingsView(s.sensitiveTopics(), s.directPublish());
  }

  // ---------------------------------------------------------------- helpers

  private static void requireEntry(EntityManager em, String tenant, String type, UUID id) {
    new TenantQueries(em).require(tenant);
    Entry entry = id == null ? null : em.find(Entry.class, id);
    if (entry == null || !entry.tenant().equals(tenant) || !entry.entryType().code().equals(type)) {
      throw StorybankException.notFound(
          "There is no " + type + " " + id + " in tenant " + tenant + ".");
    }
  }

  private static List<Translation> translations(
      EntityManager em, String tenant, String locale, TranslationStatus status) {
    return new TranslationQueries(em).recentlyChanged(tenant, locale, status);
  }

  private static Map<UUID, Long> sourceRevisions(EntityManager em, Tenant tenant) {
    return new TranslationQueries(em).revisionsIn(tenant.code(), tenant.sourceLocale());
  }

  /** Who saved each translation's working revision. */
  private static Map<String, String> authors(EntityManager em, List<Translation> translations) {
    Map<String, String> authors = new HashMap<>();
    Set<UUID> ids = new HashSet<>();
    translations.forEach(t -> ids.add(t.entry().id()));
    if (ids.isEmpty()) {
      return authors;
    }
    Map<String, Long> wanted = new HashMap<>();
    translations.forEach(t -> wanted.put(key(t), t.revision()));
    new TranslationQueries(em)
        .keptRevisions(ids)
        .forEach(
            r -> {
              String k = r.id().entryId() + "/" + r.id().locale();
              if (Long.valueOf(r.revision()).equals(wanted.get(k))) {
                authors.put(k, r.savedBy());
              }
            });
    translations.forEach(t -> authors.putIfAbsent(key(t), t.updatedBy()));
    return authors;
  }

  private static Set<String> approvedBy(
      EntityManager em, List<Translation> translations, String user) {
    Set<String> approved = new HashSet<>();
    if (translations.isEmpty()) {
      return approved;
    }
    Map<String, Long> wanted = new HashMap<>();
    translations.forEach(t -> wanted.put(key(t), t.revision()));
    new TranslationQueries(em)
        .approvedBy(user)
        .forEach(
            approval -> {
              String k = approval.entryId() + "/" + approval.locale();
              if (Long.valueOf(approval.revision()).equals(wanted.get(k))) {
                approved.add(k);
              }
            });
    return approved;
  }

  private static String key(Translation t) {
    return t.entry().id() + "/" + t.locale();
  }

  private static TaskItem item(Translation t, String title, String note) {
    return new TaskItem(
        t.entry().id(),
        t.entryType(),
        t.locale(),
        title,
        t.status().code(),
        t.revision(),
        t.updatedAt(),
        note);
  }

  private static <T> List<T> limit(List<T> list) {
    return list.size() <= LIST_LIMIT ? list : List.copyOf(list.subList(0, LIST_LIMIT));
  }
}
