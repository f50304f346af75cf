package vn.storybank.core.entry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.taxonomy.Term;
import vn.storybank.core.taxonomy.TermIndex;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.tenant.Tenant;

/**
 * Entry lists: filters, sort order and cursor pages, as one query per page, built with the Criteria
 * API so that each filter is a typed predicate rather than a piece of query text.
 */
final class EntryListing<E extends Entry> {
  /** A type's own filters (products: OCOP stars) over the listed entity. */
  interface ExtraFilter<E> {
    Predicate restrict(CriteriaBuilder cb, Root<E> entry, ListQuery query);
  }

  private final Class<E> entityClass;
  private final String kindAttribute;
  private final ExtraFilter<E> extraFilter;

  EntryListing(Class<E> entityClass, String kindAttribute, ExtraFilter<E> extraFilter) {
    this.entityClass = entityClass;
    this.kindAttribute = kindAttribute;
    this.extraFilter = extraFilter;
  }

  /**
   * One page, plus the first entry of the next page if there is one.
   *
   * @param liveAt null to match the working text of every translation (the editorial team); for a
   *     reader who sees only what is live, the moment at which translations must be live: the
   *     filters then match each live translation's live revision, so that neither an edit awaiting
   *     review nor an unpublished or embargoed translation can be found through them.
   */
  List<E> find(EntityManager em, Tenant tenant, TermIndex terms, ListQuery query, Instant liveAt) {
    Sort sort = Sort.of(query.sort());
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<E> select = cb.createQuery(entityClass);
    Root<E> e = select.from(entityClass);
    List<Predicate> where = new ArrayList<>();
    where.add(cb.equal(e.get("tenant"), tenant.code()));
    if (query.kind() != null) {
      where.add(cb.equal(e.get(kindAttribute), query.kind()));
    }
    Filters filters = new Filters(cb, select, e, liveAt);
    filters.terms(where, tenant, terms, TermKind.PILLAR, query.pillar());
    filters.terms(where, tenant, terms, TermKind.TOPIC, query.topic());
    filters.terms(where, tenant, terms, TermKind.PLACE, query.place());
    filters.terms(where, tenant, terms, TermKind.ETHNIC_GROUP, query.ethnicGroup());
    filters.terms(where, tenant, terms, TermKind.MARKET, query.market());
    if (query.locale() != null || query.status() != null) {
      Subquery<Integer> translation = select.subquery(Integer.class);
      Root<Translation> t = translation.from(Translation.class);
      List<Predicate> matches = filters.translationOf(t);
      if (query.locale() != null) {
        matches.add(cb.equal(t.get("locale"), tenant.requireLocale("locale", query.locale())));
      }
      if (query.status() != null && liveAt == null) {
        matches.add(cb.equal(t.get("status"), query.status()));
      } else if (query.status() != null && query.status() != TranslationStatus.PUBLISHED) {
        // A reader sees each live translation as published; the status of the working text (an
        // edit in review, say) is not theirs to filter by.
        matches.add(cb.isNull(t.get("status")));
      }
      where.add(
          cb.exists(translation.select(cb.literal(1)).where(matches.toArray(Predicate[]::new))));
    }
    if (query.missing() != null) {
      Subquery<Integer> translation = select.subquery(Integer.class);
      Root<Translation> t = translation.from(Translation.class);
      List<Predicate> matches = new ArrayList<>();
      matches.add(cb.equal(t.get("entry"), e));
      matches.add(cb.equal(t.get("locale"), tenant.requireLocale("missing", query.missing())));
      matches.addAll(filters.live(t));
      where.add(
          cb.not(
              cb.exists(
                  translation.select(cb.literal(1)).where(matches.toArray(Predicate[]::new)))));
    }
    if (query.updatedSince() != null) {
      where.add(cb.greaterThanOrEqualTo(Sort.audit(e, "updatedAt"), query.updatedSince()));
    }
    if (query.q() != null && !query.q().isBlank()) {
      String pattern = "%" + likeEscape(query.q().toLowerCase(Locale.ROOT)) + "%";
      Subquery<Integer> translation = select.subquery(Integer.class);
      Root<Translation> t = translation.from(Translation.class);
      List<Predicate> matches;
      if (liveAt == null) {
        matches = new ArrayList<>();
        matches.add(cb.equal(t.get("entry"), e));
        matches.add(cb.like(cb.lower(t.get("text").get("title")), pattern));
      } else {
        Root<TranslationRevision> r = translation.from(TranslationRevision.class);
        matches = filters.translationOf(t);
        Path<Object> revision = r.get("id");
        matches.add(cb.equal(revision.get("entryId"), e.get("id")));
        matches.add(cb.equal(revision.get("locale"), t.get("locale")));
        matches.add(cb.equal(revision.get("revision"), t.get("liveRevision")));
        matches.add(cb.like(cb.lower(r.get("text").get("title")), pattern));
      }
      where.add(
          cb.exists(translation.select(cb.literal(1)).where(matches.toArray(Predicate[]::new))));
    }
    if (query.stars() != null) {
      where.add(extraFilter.restrict(cb, e, query));
    }
    Expression<Instant> sortValue = Sort.audit(e, sort.attribute);
    Expression<UUID> id = e.get("id");
    if (query.cursor() != null) {
      Cursor cursor = Cursor.decode(query.cursor(), sort.name);
      where.add(
          sort.descending
              ? cb.or(
                  cb.lessThan(sortValue, cursor.value()),
                  cb.and(cb.equal(sortValue, cursor.value()), cb.lessThan(id, cursor.id())))
              : cb.or(
                  cb.greaterThan(sortValue, cursor.value()),
                  cb.and(cb.equal(sortValue, cursor.value()), cb.greaterThan(id, cursor.id()))));
    }
    select
        .select(e)
        .where(where.toArray(Predicate[]::new))
        .orderBy(
            sort.descending
                ? List.of(cb.desc(sortValue), cb.desc(id))
                : List.of(cb.asc(sortValue), cb.asc(id)));
    return em.createQuery(select).setMaxResults(limit(query) + 1).getResultList();
  }

  /** The cursor of the page after {@code found}, or null when {@code found} is the last page. */
  String nextCursor(List<E> found, ListQuery query) {
    int limit = limit(query);
    if (found.size() <= limit) {
      return null;
    }
    Sort sort = Sort.of(query.sort());
    E last = found.get(limit - 1);
    Instant value = sort.byCreation ? last.audit().createdAt() : last.audit().updatedAt();
    return new Cursor(sort.name, value, last.id()).encode();
  }

  private static int limit(ListQuery query) {
    return Math.max(1, Math.min(query.limit(), ListQuery.MAX_LIMIT));
  }

  /**
   * The sort order a list asked for: {@code updatedAt} or {@code createdAt}, - for newest first.
   */
  private record Sort(String name, String attribute, boolean descending, boolean byCreation) {
    static Sort of(String requested) {
      String name = requested == null ? "-updatedAt" : requested;
      boolean descending = name.startsWith("-");
      return switch (descending ? name.substring(1) : name) {
        case "updatedAt" -> new Sort(name, "updatedAt", descending, false);
        case "createdAt" -> new Sort(name, "createdAt", descending, true);
        default ->
            throw StorybankException.invalid(
                "sort", "must be updatedAt, createdAt, -updatedAt or -createdAt");
      };
    }

    /** One of the entry's audit times. */
    static Expression<Instant> audit(Root<?> entry, String attribute) {
      return entry.get("audit").get(attribute);
    }
  }

  /**
   * The predicates several filters share: which entry a subquery's row belongs to, and liveness.
   */
  private record Filters(
      CriteriaBuilder cb, CriteriaQuery<?> select, Root<? extends Entry> entry, Instant liveAt) {
    /** The translation belongs to the listed entry and, for a reader, is live. */
    List<Predicate> translationOf(Root<Translation> t) {
      List<Predicate> matches = new ArrayList<>();
      matches.add(cb.equal(t.get("entry"), entry));
      matches.addAll(live(t));
      return matches;
    }

    /** For a reader, the translation has a live revision and no embargo left at {@code liveAt}. */
    List<Predicate> live(Root<Translation> t) {
      if (liveAt == null) {
        return List.of();
      }
      Path<Instant> embargo = t.get("embargoUntil");
      return List.of(
          cb.isNotNull(t.get("liveRevision")),
          cb.or(cb.isNull(embargo), cb.lessThanOrEqualTo(embargo, liveAt)));
    }

    /** The entry has one of the term or its descendants (a province finds its communes'). */
    void terms(List<Predicate> where, Tenant tenant, TermIndex terms, TermKind kind, String code) {
      if (code == null) {
        return;
      }
      List<UUID> ids = terms.withDescendants(kind, code);
      if (ids.isEmpty()) {
        throw StorybankException.invalid(
            kind == TermKind.ETHNIC_GROUP ? "ethnicGroup" : kind.singular(),
            "there is no " + kind.singular() + " '" + code + "' in tenant " + tenant.code());
      }
      Subquery<Integer> tagged = select.subquery(Integer.class);
      Root<? extends Entry> correlated = tagged.correlate(entry);
      Path<UUID> term = correlated.<Entry, Term>join("terms").get("id");
      where.add(cb.exists(tagged.select(cb.literal(1)).where(term.in(ids))));
    }
  }

  private static String likeEscape(String s) {
    return s.replace("%", "").replace("_", "");
  }
}
