package vn.storybank.core.entry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.taxonomy.TermIndex;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.tenant.Tenant;

/** Entry lists: filters, sort order and cursor pages, as one JPQL query per page. */
final class EntryListing<E extends Entry> {
  /** Appends a type's own filters (products: OCOP stars) to the query. */
  interface ExtraFilter {
    void append(StringBuilder jpql, Map<String, Object> params, ListQuery query);
  }

  private final Class<E> entityClass;
  private final String kindAttribute;
  private final ExtraFilter extraFilter;

  EntryListing(Class<E> entityClass, String kindAttribute, ExtraFilter extraFilter) {
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
    String live = "";
    if (liveAt != null) {
      live =
          " and t.liveRevision is not null and (t.embargoUntil is null or t.embargoUntil <= :liveAt)";
    }
    Sort sort = Sort.of(query.sort());
    StringBuilder jpql =
        new StringBuilder("select e from ")
            .append(entityClass.getSimpleName())
            .append(" e where e.tenant = :tenant");
    Map<String, Object> params = new HashMap<>();
    params.put("tenant", tenant.code());
    if (query.kind() != null) {
      jpql.append(" and e.").append(kindAttribute).append(" = :kind");
      params.put("kind", query.kind());
    }
    termFilter(tenant, terms, jpql, params, TermKind.PILLAR, query.pillar());
    termFilter(tenant, terms, jpql, params, TermKind.TOPIC, query.topic());
    termFilter(tenant, terms, jpql, params, TermKind.PLACE, query.place());
    termFilter(tenant, terms, jpql, params, TermKind.ETHNIC_GROUP, query.ethnicGroup());
    termFilter(tenant, terms, jpql, params, TermKind.MARKET, query.market());
    if (query.locale() != null || query.status() != null) {
      jpql.append(" and exists (select 1 from Translation t where t.entry = e").append(live);
      if (query.locale() != null) {
        jpql.append(" and t.locale = :locale");
        params.put("locale", tenant.requireLocale("locale", query.locale()));
      }
      if (query.status() != null && liveAt == null) {
        jpql.append(" and t.status = :status");
        params.put("status", query.status());
      } else if (query.status() != null && query.status() != TranslationStatus.PUBLISHED) {
        // A reader sees each live translation as published; the status of the working text (an
        // edit in review, say) is not theirs to filter by.
        jpql.append(" and t.status is null");
      }
      jpql.append(")");
    }
    if (query.missing() != null) {
      jpql.append(
              " and not exists (select 1 from Translation t where t.entry = e and t.locale ="
                  + " :missing")
          .append(live)
          .append(")");
      params.put("missing", tenant.requireLocale("missing", query.missing()));
    }
    if (query.updatedSince() != null) {
      jpql.append(" and e.audit.updatedAt >= :since");
      params.put("since", query.updatedSince());
    }
    if (query.q() != null && !query.q().isBlank()) {
      if (liveAt == null) {
        jpql.append(
            " and exists (select 1 from Translation t where t.entry = e and lower(t.text.title) like"
                + " :q)");
      } else {
        jpql.append(
                " and exists (select 1 from Translation t, TranslationRevision r where t.entry = e")
            .append(live)
            .append(
                " and r.id.entryId = e.id and r.id.locale = t.locale and r.id.revision ="
                    + " t.liveRevision and lower(r.text.title) like :q)");
      }
      params.put("q", "%" + likeEscape(query.q().toLowerCase(Locale.ROOT)) + "%");
    }
    if (liveAt != null && jpql.indexOf(":liveAt") >= 0) {
      params.put("liveAt", liveAt);
    }
    if (query.stars() != null) {
      extraFilter.append(jpql, params, query);
    }
    if (query.cursor() != null) {
      Cursor cursor = Cursor.decode(query.cursor(), sort.name);
      String cmp = sort.descending ? "<" : ">";
      jpql.append(" and (")
          .append(sort.field)
          .append(' ')
          .append(cmp)
          .append(" :cursorValue or (")
          .append(sort.field)
          .append(" = :cursorValue and e.id ")
          .append(cmp)
          .append(" :cursorId))");
      params.put("cursorValue", cursor.value());
      params.put("cursorId", cursor.id());
    }
    String direction = sort.descending ? " desc" : " asc";
    jpql.append(" order by ")
        .append(sort.field)
        .append(direction)
        .append(", e.id")
        .append(direction);
    TypedQuery<E> typed =
        em.createQuery(jpql.toString(), entityClass).setMaxResults(limit(query) + 1);
    params.forEach(typed::setParameter);
    return typed.getResultList();
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
  private record Sort(String name, String field, boolean descending, boolean byCreation) {
    static Sort of(String requested) {
      String name = requested == null ? "-updatedAt" : requested;
      boolean descending = name.startsWith("-");
      return switch (descending ? name.substring(1) : name) {
        case "updatedAt" -> new Sort(name, "e.audit.updatedAt", descending, false);
        case "createdAt" -> new Sort(name, "e.audit.createdAt", descending, true);
        default ->
            throw StorybankException.invalid(
                "sort", "must be updatedAt, createdAt, -updatedAt or -createdAt");
      };
    }
  }

  private static void termFilter(
      Tenant tenant,
      TermIndex terms,
      StringBuilder jpql,
      Map<String, Object> params,
      TermKind kind,
      String code) {
    if (code == null) {
      return;
    }
    List<UUID> ids = terms.withDescendants(kind, code);
    if (ids.isEmpty()) {
      throw StorybankException.invalid(
          kind == TermKind.ETHNIC_GROUP ? "ethnicGroup" : kind.singular(),
          "there is no " + kind.singular() + " '" + code + "' in tenant " + tenant.code());
    }
    String param = "terms" + kind.ordinal();
    jpql.append(" and exists (select 1 from e.terms ")
        .append(param)
        .append("x where ")
        .append(param)
        .append("x.id in :")
        .append(param)
        .append(")");
    params.put(param, ids);
  }

  private static String likeEscape(String s) {
    return s.replace("%", "").replace("_", "");
  }
}
