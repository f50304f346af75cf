package vn.storybank.core.entry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every query that reads or bulk-changes translations, their kept revisions and their approvals, in
 * the transaction of the entity manager it is given. Delivery, webhooks, workflow, snapshots and
 * the scheduler ask here instead of writing their own queries over {@link Translation}.
 */
public final class TranslationQueries {
  /** JPQL: translation {@code t} has a live revision that no embargo holds back at {@code :now}. */
  private static final String LIVE =
      "t.liveRevision is not null and (t.embargoUntil is null or t.embargoUntil <= :now)";

  private static final String FEED =
      "select t.id.entryId, t.locale, t.publishedAt from Translation t where t.tenant = :tenant and "
          + LIVE
          + " and t.locale = :locale and t.publishedAt is not null";
  // "<= :at" bounds the index range; the rest is the keyset condition.
  private static final String FEED_AFTER =
      " and t.publishedAt <= :at and (t.publishedAt < :at or (t.publishedAt = :at and t.id.entryId"
          + " < :id))";
  // Leading columns too, so that H2 walks translation_published (see V11).
  private static final String FEED_ORDER =
      " order by t.tenant desc, t.locale desc, t.publishedAt desc, t.id.entryId desc";
  private static final String FEED_TYPES = " and t.entryType in :types";

  private final EntityManager em;

  public TranslationQueries(EntityManager em) {
    this.em = em;
  }

  /** A translation's slug and the entry that holds it. */
  record SlugHolder(String slug, UUID entryId) {}

  /** Which entries of the type hold these slugs in the locale (read without flushing first). */
  List<SlugHolder> slugHolders(String tenant, String type, String locale, List<String> slugs) {
    return em
        .createQuery(
            "select t.text.slug, t.entry.id from Translation t where t.text.slug in :slugs and t.locale ="
                + " :locale and t.entryType = :type and t.tenant = :tenant",
            Object[].class)
        .setParameter("slugs", slugs)
        .setParameter("locale", locale)
        .setParameter("type", type)
        .setParameter("tenant", tenant)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList()
        .stream()
        .map(row -> new SlugHolder((String) row[0], (UUID) row[1]))
        .toList();
  }

  /** The entries of the type whose translation in the locale has the slug (without flushing). */
  List<UUID> slugHolders(String tenant, String type, String locale, String slug) {
    return em.createQuery(
            "select t.entry.id from Translation t where t.tenant = :tenant and t.entryType = :type"
                + " and t.locale = :locale and t.text.slug = :slug",
            UUID.class)
        .setParameter("tenant", tenant)
        .setParameter("type", type)
        .setParameter("locale", locale)
        .setParameter("slug", slug)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList();
  }

  /** Drops the kept revisions and approvals of a removed translation (its numbers restart). */
  void forgetRevisionsAndApprovals(UUID entryId, String locale) {
    em.createQuery(
            "delete from TranslationRevision x where x.id.entryId = :entry and x.id.locale ="
                + " :locale")
        .setParameter("entry", entryId)
        .setParameter("locale", locale)
        .executeUpdate();
    em.createQuery(
            "delete from TranslationApproval x where x.id.entryId = :entry and x.id.locale ="
                + " :locale")
        .setParameter("entry", entryId)
        .setParameter("locale", locale)
        .executeUpdate();
  }

  /** Who approved the translation's current revision, first approval first. */
  List<String> approvers(Translation t) {
    return em.createQuery(
            "select a.id.approver from TranslationApproval a where a.id.entryId = :entry and"
                + " a.id.locale = :locale and a.id.revision = :revision order by a.approvedAt",
            String.class)
        .setParameter("entry", t.entry().id())
        .setParameter("locale", t.locale())
        .setParameter("revision", t.revision())
        .getResultList();
  }

  /** Withdraws every approval of the translation's current revision. */
  void dropApprovals(Translation t) {
    em.createQuery(
            "delete from TranslationApproval a where a.id.entryId = :entry and a.id.locale ="
                + " :locale and a.id.revision = :revision")
        .setParameter("entry", t.entry().id())
        .setParameter("locale", t.locale())
        .setParameter("revision", t.revision())
        .executeUpdate();
  }

  /** The entry, locale and revision of every approval the user gave. */
  public List<RevisionId> approvedBy(String user) {
    return em
        .createQuery(
            "select a.id.entryId, a.id.locale, a.id.revision from TranslationApproval a where"
                + " a.id.approver = :user",
            Object[].class)
        .setParameter("user", user)
        .getResultList()
        .stream()
        .map(row -> new RevisionId((UUID) row[0], (String) row[1], (Long) row[2]))
        .toList();
  }

  /**
   * The tenant's translations with their entries, most recently changed first; {@code locale} and
   * {@code status} null mean any.
   */
  public List<Translation> recentlyChanged(String tenant, String locale, TranslationStatus status) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Translation> select = cb.createQuery(Translation.class);
    Root<Translation> t = select.from(Translation.class);
    t.fetch("entry");
    List<Predicate> where = new ArrayList<>();
    where.add(cb.equal(t.get("tenant"), tenant));
    if (locale != null) {
      where.add(cb.equal(t.get("locale"), locale));
    }
    if (status != null) {
      where.add(cb.equal(t.get("status"), status));
    }
    select.select(t).where(where.toArray(Predicate[]::new)).orderBy(cb.desc(t.get("updatedAt")));
    return em.createQuery(select).getResultList();
  }

  // The translation dashboard: counted in the database and listed up to a page, so that a bank of
  // 200,000 stories is not loaded into memory to count it (it ran the heap out at -Xmx1g).

  private static final String MISSING =
      " from Translation s where s.tenant = :tenant and s.locale = :source and not exists (select"
          + " x.id.entryId from Translation x where x.id.entryId = s.id.entryId and x.locale ="
          + " :locale)";
  private static final String STALE =
      " from Translation t, Translation s where t.tenant = :tenant and t.locale = :locale and"
          + " s.id.entryId = t.id.entryId and s.locale = :source and t.locale <> s.locale and"
          + " (t.sourceRevision is null or t.sourceRevision < s.revision)";
  private static final String IN_REVIEW =
      " from Translation t where t.tenant = :tenant and t.locale = :locale and t.status = :status";
  private static final String WITH_LIVE_REVISION =
      " from Translation t where t.tenant = :tenant and t.locale = :locale and t.liveRevision is"
          + " not null";

  /** Source translations of entries that have none in {@code locale}: how many. */
  public long countMissing(String tenant, String source, String locale) {
    return em.createQuery("select count(s)" + MISSING, Long.class)
        .setParameter("tenant", tenant)
        .setParameter("source", source)
        .setParameter("locale", locale)
        .getSingleResult();
  }

  /** The same, the {@code limit} most recently changed first. */
  public List<Translation> missing(String tenant, String source, String locale, int limit) {
    return em.createQuery("select s" + MISSING + " order by s.updatedAt desc", Translation.class)
        .setParameter("tenant", tenant)
        .setParameter("source", source)
        .setParameter("locale", locale)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Translations into {@code locale} made from an older revision of the source: how many. */
  public long countStale(String tenant, String source, String locale) {
    return em.createQuery("select count(t)" + STALE, Long.class)
        .setParameter("tenant", tenant)
        .setParameter("source", source)
        .setParameter("locale", locale)
        .getSingleResult();
  }

  /** The same, each with its source's revision, the {@code limit} most recently changed first. */
  public List<Object[]> stale(String tenant, String source, String locale, int limit) {
    return em.createQuery(
            "select t, s.revision" + STALE + " order by t.updatedAt desc", Object[].class)
        .setParameter("tenant", tenant)
        .setParameter("source", source)
        .setParameter("locale", locale)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Translations into {@code locale} in review: how many. */
  public long countInReview(String tenant, String locale) {
    return em.createQuery("select count(t)" + IN_REVIEW, Long.class)
        .setParameter("tenant", tenant)
        .setParameter("locale", locale)
        .setParameter("status", TranslationStatus.IN_REVIEW)
        .getSingleResult();
  }

  /** The same, the {@code limit} most recently changed first. */
  public List<Translation> inReview(String tenant, String locale, int limit) {
    return em.createQuery("select t" + IN_REVIEW + " order by t.updatedAt desc", Translation.class)
        .setParameter("tenant", tenant)
        .setParameter("locale", locale)
        .setParameter("status", TranslationStatus.IN_REVIEW)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Translations into {@code locale} with a live revision: how many. */
  public long countLive(String tenant, String locale) {
    return em.createQuery("select count(t)" + WITH_LIVE_REVISION, Long.class)
        .setParameter("tenant", tenant)
        .setParameter("locale", locale)
        .getSingleResult();
  }

  /** The same, the {@code limit} most recently changed first. */
  public List<Translation> live(String tenant, String locale, int limit) {
    return em.createQuery(
            "select t" + WITH_LIVE_REVISION + " order by t.updatedAt desc", Translation.class)
        .setParameter("tenant", tenant)
        .setParameter("locale", locale)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The revision of each of the tenant's translations in the locale, by entry. */
  public Map<UUID, Long> revisionsIn(String tenant, String locale) {
    Map<UUID, Long> revisions = new HashMap<>();
    em.createQuery(
            "select t.id.entryId, t.revision from Translation t where t.tenant = :tenant and"
                + " t.locale = :locale",
            Object[].class)
        .setParameter("tenant", tenant)
        .setParameter("locale", locale)
        .getResultList()
        .forEach(row -> revisions.put((UUID) row[0], (Long) row[1]));
    return revisions;
  }

  /** The kept revisions of one translation, newest first. */
  public List<TranslationRevision> revisionsNewestFirst(UUID entryId, String locale) {
    return em.createQuery(
            "select r from TranslationRevision r where r.id.entryId = :entry and r.id.locale ="
                + " :locale order by r.id.revision desc",
            TranslationRevision.class)
        .setParameter("entry", entryId)
        .setParameter("locale", locale)
        .getResultList();
  }

  /** Every kept revision of these entries' translations. */
  public List<TranslationRevision> keptRevisions(Collection<UUID> entryIds) {
    return em.createQuery(
            "select r from TranslationRevision r where r.id.entryId in :ids",
            TranslationRevision.class)
        .setParameter("ids", entryIds)
        .getResultList();
  }

  /**
   * What readers see of these entries at {@code now}, without any text but the slug: rows of entry
   * id, locale, live revision, publication time and the live revision's slug, for each translation
   * that has a live revision no embargo holds back. Revision rows never change, so the live
   * revision a row names is the one whose slug it carries.
   */
  public List<Object[]> liveRevisionSlugs(Collection<UUID> entryIds, Instant now) {
    return em.createQuery(
            "select t.id.entryId, t.locale, t.liveRevision, t.publishedAt, r.text.slug from"
                + " Translation t, TranslationRevision r where t.id.entryId in :ids and "
                + LIVE
                + " and r.id.entryId = t.id.entryId and r.id.locale = t.locale and r.id.revision"
                + " = t.liveRevision",
            Object[].class)
        .setParameter("ids", entryIds)
        .setParameter("now", now)
        .getResultList();
  }

  /** These kept revisions (those that exist), by their keys. */
  public List<TranslationRevision> revisions(Collection<RevisionId> ids) {
    return em.createQuery(
            "select r from TranslationRevision r where r.id in :ids", TranslationRevision.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  /** The live revisions of these entries' translations edited since they went live. */
  public List<TranslationRevision> liveRevisionsBehindWork(Collection<UUID> entryIds) {
    return em.createQuery(
            "select r from TranslationRevision r, Translation t where t.id.entryId ="
                + " r.id.entryId and t.locale = r.id.locale and t.liveRevision = r.id.revision"
                + " and t.liveRevision <> t.revision and t.id.entryId in :ids",
            TranslationRevision.class)
        .setParameter("ids", entryIds)
        .getResultList();
  }

  /** The ids of the tenant's entries with a live revision in some locale, embargoed or not. */
  public List<UUID> entriesWithLiveRevision(String tenant) {
    return em.createQuery(
            "select distinct t.id.entryId from Translation t where t.tenant = :tenant and"
                + " t.liveRevision is not null",
            UUID.class)
        .setParameter("tenant", tenant)
        .getResultList();
  }

  /** How many of the tenant's entries of these types are live at {@code now} in some locale. */
  public long liveEntryCount(String tenant, Collection<String> types, Instant now) {
    return em.createQuery(
            "select count(distinct t.id.entryId) from Translation t where t.tenant = :tenant and "
                + LIVE
                + " and t.entryType in :types",
            Long.class)
        .setParameter("tenant", tenant)
        .setParameter("now", now)
        .setParameter("types", types)
        .getSingleResult();
  }

  /** The ids of the tenant's entries of these types live at {@code now}, in id order, a page. */
  public List<UUID> liveEntries(
      String tenant, Collection<String> types, Instant now, int offset, int limit) {
    return em.createQuery(
            "select distinct t.id.entryId from Translation t where t.tenant = :tenant and "
                + LIVE
                + " and t.entryType in :types order by t.id.entryId",
            UUID.class)
        .setParameter("tenant", tenant)
        .setParameter("now", now)
        .setParameter("types", types)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The live slugs of these entries at {@code now}, by entry and then by locale in tag order. */
  public Map<UUID, Map<String, String>> liveSlugs(Collection<UUID> entryIds, Instant now) {
    Map<UUID, Map<String, String>> slugs = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select r.id.entryId, r.id.locale, r.text.slug from TranslationRevision r, Translation"
                    + " t where t.id.entryId = r.id.entryId and t.locale = r.id.locale and"
                    + " t.liveRevision = r.id.revision and "
                    + LIVE
                    + " and t.id.entryId in :ids order by r.id.locale",
                Object[].class)
            .setParameter("ids", entryIds)
            .setParameter("now", now)
            .getResultList()) {
      slugs
          .computeIfAbsent((UUID) row[0], k -> new java.util.LinkedHashMap<>())
          .put((String) row[1], (String) row[2]);
    }
    return slugs;
  }

  /**
   * A page of the tenant's published translations live at {@code now} in one locale, newest
   * publication first, as rows of entry id, locale and publication time.
   *
   * @param types the entry types to keep; empty for all
   * @param afterAt with {@code afterId}, the position after which the page starts; null for the
   *     first page
   */
  public List<Object[]> publishedFeed(
      String tenant,
      String locale,
      Collection<String> types,
      Instant afterAt,
      UUID afterId,
      int max,
      Instant now) {
    // Four fixed statements rather than one assembled per call: each keeps its cached plan.
    String jpql;
    if (types.isEmpty()) {
      jpql = afterAt == null ? FEED + FEED_ORDER : FEED + FEED_AFTER + FEED_ORDER;
    } else {
      jpql =
          afterAt == null
              ? FEED + FEED_TYPES + FEED_ORDER
              : FEED + FEED_TYPES + FEED_AFTER + FEED_ORDER;
    }
    TypedQuery<Object[]> query =
        em.createQuery(jpql, Object[].class)
            .setParameter("tenant", tenant)
            .setParameter("now", now)
            .setParameter("locale", locale)
            .setMaxResults(max);
    if (!types.isEmpty()) {
      query.setParameter("types", types);
    }
    if (afterAt != null) {
      query.setParameter("at", afterAt).setParameter("id", afterId);
    }
    return query.getResultList();
  }

  /**
   * The entries of the type (with the locale) whose live revision has the slug, in any locale: the
   * slug readers know; an editor's new slug counts once published.
   */
  public List<Object[]> entriesByLiveSlug(String tenant, String type, String slug) {
    return em.createQuery(
            "select t.entry, t.locale from Translation t, TranslationRevision r where"
                + " t.tenant = :tenant and t.entryType = :type and r.text.slug = :slug and"
                + " r.id.entryId = t.id.entryId and r.id.locale = t.locale and r.id.revision ="
                + " t.liveRevision",
            Object[].class)
        .setParameter("tenant", tenant)
        .setParameter("type", type)
        .setParameter("slug", slug)
        .getResultList();
  }

  /**
   * Up to {@code max} translations with a schedule due: the time attribute (publishAt, unpublishAt
   * or embargoUntil) between {@code longAgo} and {@code now}, earliest first.
   */
  public List<Translation> scheduledBetween(
      String attribute, Instant longAgo, Instant now, int max) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Translation> select = cb.createQuery(Translation.class);
    Root<Translation> t = select.from(Translation.class);
    Path<Instant> at = t.get(attribute);
    select
        .select(t)
        .where(cb.greaterThanOrEqualTo(at, longAgo), cb.lessThanOrEqualTo(at, now))
        .orderBy(cb.asc(at));
    return em.createQuery(select).setMaxResults(max).getResultList();
  }

  /**
   * Clears the translation's schedule time if it still is {@code at}; 1 when this call claimed it,
   * 0 when someone else did first.
   */
  public int claimSchedule(UUID entryId, String locale, String attribute, Instant at) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaUpdate<Translation> update = cb.createCriteriaUpdate(Translation.class);
    Root<Translation> t = update.from(Translation.class);
    Path<Instant> time = t.get(attribute);
    update
        .set(time, cb.nullLiteral(Instant.class))
        .where(
            cb.equal(t.get("id").get("entryId"), entryId),
            cb.equal(t.get("locale"), locale),
            cb.equal(time, at));
    return em.createQuery(update).executeUpdate();
  }
}
