package vn.storybank.core.entry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.taxonomy.Term;
import vn.storybank.core.taxonomy.TermIndex;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.tenant.Tenant;

/**
 * Entry lists: filters, sort order and cursor pages, as one query per page, built with the Criteria
 * API so that each filter is a typed predicate rather than a piece of query text.
 *
 * <p>A page is read by walking an index of {@code entry} in the list's order and stopping after
 * {@code limit + 1} matches, never by sorting the tenant: the query names the entry type (the
 * JOINED hierarchy's root table holds every type, so without it no index gives the order) and
 * orders by {@code tenant_code, entry_type, <sort column>, id} of that table (not the subclass
 * table's id, which Hibernate would name), all in the one direction, because H2 walks an index in
 * order only when the ORDER BY names its leading columns with the index's direction (V14 declares
 * the descending indexes). A title search ({@code q}) reads its matches from a narrow index of
 * titles instead of the translation rows and their bodies.
 */
final class EntryListing<E extends Entry> {
  /** A type's own filters (products: OCOP stars) over the listed entity. */
  interface ExtraFilter<E> {
    Predicate restrict(CriteriaBuilder cb, Root<E> entry, ListQuery query);
  }

  private final Class<E> entityClass;
  private final String typeCode;
  private final String kindAttribute;
  private final ExtraFilter<E> extraFilter;

  EntryListing(
      Class<E> entityClass, EntryType type, String kindAttribute, ExtraFilter<E> extraFilter) {
    this.entityClass = entityClass;
    this.typeCode = type.code();
    this.kindAttribute = kindAttribute;
    this.extraFilter = extraFilter;
  }

  /** The name of the type's classifier: an attribute of the entity and a field of its JSON. */
  String kindAttribute() {
    return kindAttribute;
  }

  /**
   * One page, plus the first entry of the next page if there is one.
   *
   * @param liveAt null to match the working text of every translation (the editorial team); for a
   *     reader who sees only what is live, the moment at which translations must be live: the
   *     filters then match each live translation's live revision, so that neither an edit awaiting
   *     review nor an unpublished or embargoed translation can be found through them.
   */
  List<E> find(
      EntityManager em, Tenant tenant, Supplier<TermIndex> terms, ListQuery query, Instant liveAt) {
    return find(em, tenant, terms, query, liveAt, entityClass, e -> e);
  }

  /**
   * One page as {@link #find(EntityManager, Tenant, Supplier, ListQuery, Instant)} finds it, each
   * row what {@code selection} selects from the listed entry (a projection of its columns, say).
   *
   * @param terms called only when a term filter needs the tenant's terms
   */
  <R> List<R> find(
      EntityManager em,
      Tenant tenant,
      Supplier<TermIndex> terms,
      ListQuery query,
      Instant liveAt,
      Class<R> rowClass,
      Function<Root<E>, Selection<? extends R>> selection) {
    Sort sort = Sort.of(query.sort());
    HibernateCriteriaBuilder cb = (HibernateCriteriaBuilder) em.getCriteriaBuilder();
    CriteriaQuery<R> select = cb.createQuery(rowClass);
    Root<E> e = select.from(entityClass);
    List<Predicate> where = new ArrayList<>();
    where.add(cb.equal(e.get("tenant"), tenant.code()));
    where.add(cb.equal(e.get("typeCode"), typeCode));
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
      where.add(cb.greaterThanOrEqualTo(e.get("audit").get("updatedAt"), query.updatedSince()));
    }
    if (query.q() != null && !query.q().isBlank()) {
      String pattern = "%" + likeEscape(query.q().toLowerCase(Locale.ROOT)) + "%";
      Subquery<Integer> translation = select.subquery(Integer.class);
      Root<Translation> t = translation.from(Translation.class);
      List<Predicate> matches;
      if (liveAt == null) {
        // Uncorrelated, over (tenant_code, entry_type, title, entry_id): the titles are read from
        // that index alone, not from the translation rows with their bodies.
        Subquery<UUID> titled = select.subquery(UUID.class);
        Root<Translation> tt = titled.from(Translation.class);
        titled
            .select(tt.get("id").get("entryId"))
            .where(
                cb.equal(tt.get("tenant"), tenant.code()),
                cb.equal(tt.get("entryType"), typeCode),
                cb.like(cb.lower(tt.get("text").get("title")), pattern));
        where.add(e.get("id").in(titled));
        matches = null;
      } else {
        Root<TranslationRevision> r = translation.from(TranslationRevision.class);
        matches = filters.translationOf(t);
        Path<Object> revision = r.get("id");
        matches.add(cb.equal(revision.get("entryId"), e.get("id")));
        matches.add(cb.equal(revision.get("locale"), t.get("locale")));
        matches.add(cb.equal(revision.get("revision"), t.get("liveRevision")));
        matches.add(cb.like(cb.lower(r.get("text").get("title")), pattern));
      }
      if (matches != null) {
        where.add(
            cb.exists(translation.select(cb.literal(1)).where(matches.toArray(Predicate[]::new))));
      }
    }
    if (query.stars() != null) {
      where.add(extraFilter.restrict(cb, e, query));
    }
    Expression<Instant> sortValue = sort.value(e);
    Expression<UUID> id = e.get("rowId");
    if (query.cursor() != null) {
      where.add(sort.after(cb, sortValue, id, Cursor.decode(query.cursor(), sort.name)));
    }
    Expression<String> owner = e.get("tenant");
    Expression<String> type = e.get("typeCode");
    select
        .select(selection.apply(e))
        .where(where.toArray(Predicate[]::new))
        .orderBy(
            sort.descending
                ? List.of(cb.desc(owner), cb.desc(type), sort.order(cb, sortValue), cb.desc(id))
                : List.of(cb.asc(owner), cb.asc(type), sort.order(cb, sortValue), cb.asc(id)));
    return em.createQuery(select).setMaxResults(limit(query) + 1).getResultList();
  }

  /** The cursor of the page after {@code found}, or null when {@code found} is the last page. */
  String nextCursor(List<E> found, ListQuery query) {
    return nextCursor(
        found,
        query,
        (last, sort) ->
            new Cursor(
                sort,
                switch (Sort.of(sort).attribute) {
                  case "createdAt" -> last.audit().createdAt();
                  case "updatedAt" -> last.audit().updatedAt();
                  default -> last.publishedAt();
                },
                last.id()));
  }

  /**
   * The cursor of the page after {@code found} (rows of any shape), or null when it is the last.
   */
  <R> String nextCursor(
      List<R> found, ListQuery query, java.util.function.BiFunction<R, String, Cursor> position) {
    int limit = limit(query);
    if (found.size() <= limit) {
      return null;
    }
    return position.apply(found.get(limit - 1), Sort.of(query.sort()).name).encode();
  }

  /** The sort order's name: {@code -updatedAt} when the query names none. */
  static String sortName(ListQuery query) {
    return Sort.of(query.sort()).name;
  }

  static int limit(ListQuery query) {
    return Math.max(1, Math.min(query.limit(), ListQuery.MAX_LIMIT));
  }

  /**
   * The sort order a list asked for: {@code updatedAt}, {@code createdAt} or {@code publishedAt}, -
   * for newest first. Entries never published come after the published ones in both directions of
   * {@code publishedAt}, by id.
   */
  private record Sort(String name, String attribute, boolean descending) {
    static Sort of(String requested) {
      String name = requested == null ? "-updatedAt" : requested;
      boolean descending = name.startsWith("-");
      String attribute = descending ? name.substring(1) : name;
      if (!List.of("updatedAt", "createdAt", "publishedAt").contains(attribute)) {
        throw StorybankException.invalid(
            "sort",
            "must be updatedAt, createdAt or publishedAt, each optionally prefixed with - for"
                + " newest first");
      }
      return new Sort(name, attribute, descending);
    }

    /**
     * The sort value's order. Only {@code publishedAt} can be null, and its indexes say NULLS LAST
     * as this does; the audit times keep each database's default, as their indexes do (a NULLS LAST
     * that an index does not declare makes PostgreSQL sort).
     */
    jakarta.persistence.criteria.Order order(
        HibernateCriteriaBuilder cb, Expression<Instant> value) {
      if (attribute.equals("publishedAt")) {
        return descending ? cb.desc(value, false) : cb.asc(value, false);
      }
      return descending ? cb.desc(value) : cb.asc(value);
    }

    Expression<Instant> value(Root<?> entry) {
      return attribute.equals("publishedAt")
          ? entry.get("publishedAt")
          : entry.get("audit").get(attribute);
    }

    /**
     * After the cursor in this order. The first conjunct bounds the index walk where it starts
     * (both databases use a plain comparison as the start of a range, not an OR of two); null sort
     * values (never published) come last.
     */
    Predicate after(
        CriteriaBuilder cb, Expression<Instant> value, Expression<UUID> id, Cursor cursor) {
      if (cursor.value() == null) {
        return cb.and(
            cb.isNull(value),
            descending ? cb.lessThan(id, cursor.id()) : cb.greaterThan(id, cursor.id()));
      }
      Predicate later =
          descending
              ? cb.and(
                  cb.lessThanOrEqualTo(value, cursor.value()),
                  cb.or(
                      cb.lessThan(value, cursor.value()),
                      cb.and(cb.equal(value, cursor.value()), cb.lessThan(id, cursor.id()))))
              : cb.and(
                  cb.greaterThanOrEqualTo(value, cursor.value()),
                  cb.or(
                      cb.greaterThan(value, cursor.value()),
                      cb.and(cb.equal(value, cursor.value()), cb.greaterThan(id, cursor.id()))));
      return attribute.equals("publishedAt") ? cb.or(later, cb.isNull(value)) : later;
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
    void terms(
        List<Predicate> where,
        Tenant tenant,
        Supplier<TermIndex> terms,
        TermKind kind,
        String code) {
      if (code == null) {
        return;
      }
      List<UUID> ids = terms.get().withDescendants(kind, code);
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
