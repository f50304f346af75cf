package vn.storybank.core.entry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.ListJoin;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import vn.storybank.core.entry.EntrySummary.TranslationSummary;
import vn.storybank.core.persistence.Page;
import vn.storybank.core.taxonomy.Term;
import vn.storybank.core.taxonomy.TermIndex;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.tenant.Tenant;

/**
 * A list page as summaries, read with projection queries rather than entity loads: the page's ids
 * in order, their header columns, then their translations' status columns, terms and media links,
 * each for the whole page at once: five statements whatever the limit, and no body read.
 */
final class EntrySummaries<E extends Entry> {
  private final Class<E> entityClass;
  private final EntryType type;
  private final EntryListing<E> listing;

  EntrySummaries(Class<E> entityClass, EntryType type, EntryListing<E> listing) {
    this.entityClass = entityClass;
    this.type = type;
    this.listing = listing;
  }

  /**
   * @param liveAt null for the editorial team (every translation's working state); for a reader,
   *     the moment at which translations must be live: each then shows its live revision, and an
   *     entry with none drops out (so such a page may be shorter than the limit)
   */
  Page<EntrySummary> page(
      EntityManager em, Tenant tenant, Supplier<TermIndex> terms, ListQuery query, Instant liveAt) {
    // The ids first, then their columns: a query that selected its own sort value would be
    // ordered by the value's position in the select list, and H2 then no longer walks the index.
    List<UUID> found = listing.find(em, tenant, terms, query, liveAt, UUID.class, e -> e.get("id"));
    List<UUID> ids = found.subList(0, Math.min(found.size(), EntryListing.limit(query)));
    if (ids.isEmpty()) {
      return new Page<>(List.of(), null);
    }
    Map<UUID, Tuple> headers = headers(em, ids);
    String next =
        listing.nextCursor(
            found,
            query,
            (last, sort) ->
                new Cursor(
                    sort,
                    switch (sort.replace("-", "")) {
                      case "createdAt" -> headers.get(last).get(2, Instant.class);
                      case "updatedAt" -> headers.get(last).get(4, Instant.class);
                      default -> headers.get(last).get(6, Instant.class);
                    },
                    last));
    Map<UUID, Map<String, TranslationSummary>> translations =
        liveAt == null ? working(em, ids) : live(em, ids, liveAt);
    Map<UUID, Map<TermKind, List<String>>> codes = terms(em, ids);
    Map<UUID, UUID> thumbnails = type == EntryType.MEDIA ? Map.of() : thumbnails(em, ids);
    List<EntrySummary> items = new ArrayList<>();
    for (UUID id : ids) {
      Tuple row = headers.get(id);
      Map<String, TranslationSummary> shown = translations.getOrDefault(id, Map.of());
      if (liveAt != null && shown.isEmpty()) {
        continue;
      }
      Map<TermKind, List<String>> entryCodes = codes.getOrDefault(id, Map.of());
      items.add(
          new EntrySummary(
              new EntryHeader(
                  id,
                  type.code(),
                  tenant.code(),
                  row.get(1, Long.class),
                  row.get(2, Instant.class),
                  row.get(3, String.class),
                  row.get(4, Instant.class),
                  row.get(5, String.class)),
              listing.kindAttribute(),
              row.get(7, String.class),
              entryCodes.getOrDefault(TermKind.PLACE, List.of()),
              entryCodes.getOrDefault(TermKind.PILLAR, List.of()),
              row.get(6, Instant.class),
              type == EntryType.MEDIA ? id : thumbnails.get(id),
              shown));
    }
    return new Page<>(items, next);
  }

  /** The header columns and classifier of each listed entry. */
  private Map<UUID, Tuple> headers(EntityManager em, List<UUID> ids) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> select = cb.createTupleQuery();
    Root<E> e = select.from(entityClass);
    select
        .multiselect(
            e.get("id"),
            e.get("version"),
            e.get("audit").get("createdAt"),
            e.get("audit").get("createdBy"),
            e.get("audit").get("updatedAt"),
            e.get("audit").get("updatedBy"),
            e.get("publishedAt"),
            e.get(listing.kindAttribute()))
        .where(e.get("id").in(ids));
    Map<UUID, Tuple> headers = new HashMap<>();
    em.createQuery(select).getResultList().forEach(t -> headers.put(t.get(0, UUID.class), t));
    return headers;
  }

  /** Each translation's working state (the editorial team's view). */
  private Map<UUID, Map<String, TranslationSummary>> working(EntityManager em, List<UUID> ids) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> select = cb.createTupleQuery();
    Root<Translation> t = select.from(Translation.class);
    Path<UUID> entry = t.get("id").get("entryId");
    select
        .multiselect(
            entry,
            t.get("locale"),
            t.get("text").get("title"),
            t.get("text").get("slug"),
            t.get("status"),
            t.get("publishedAt"),
            t.get("updatedAt"),
            t.get("liveRevision"),
            t.get("revision"),
            t.get("sourceRevision"))
        .where(entry.in(ids));
    return rows(em.createQuery(select).getResultList(), false);
  }

  /**
   * Each live translation as a reader sees it: its live revision's title, slug and save time,
   * published; a translation with nothing live or still under embargo is left out.
   */
  private Map<UUID, Map<String, TranslationSummary>> live(
      EntityManager em, List<UUID> ids, Instant liveAt) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> select = cb.createTupleQuery();
    Root<Translation> t = select.from(Translation.class);
    Root<TranslationRevision> r = select.from(TranslationRevision.class);
    Path<UUID> entry = t.get("id").get("entryId");
    Path<Object> revision = r.get("id");
    Path<Instant> embargo = t.get("embargoUntil");
    select
        .multiselect(
            entry,
            t.get("locale"),
            r.get("text").get("title"),
            r.get("text").get("slug"),
            t.get("status"),
            t.get("publishedAt"),
            r.get("savedAt"),
            t.get("liveRevision"),
            revision.get("revision"),
            r.get("sourceRevision"))
        .where(
            entry.in(ids),
            cb.isNotNull(t.get("liveRevision")),
            cb.or(cb.isNull(embargo), cb.lessThanOrEqualTo(embargo, liveAt)),
            cb.equal(revision.get("entryId"), entry),
            cb.equal(revision.get("locale"), t.get("locale")),
            cb.equal(revision.get("revision"), t.get("liveRevision")));
    return rows(em.createQuery(select).getResultList(), true);
  }

  /** A translation row as the query gave it, before staleness is known. */
  private record Row(
      String title,
      String slug,
      TranslationStatus status,
      Instant publishedAt,
      Instant updatedAt,
      Long liveRevision,
      long revision,
      Long sourceRevision) {}

  /**
   * @param live whether the rows are live revisions, which a reader sees as published whatever the
   *     working text's status
   */
  private static Map<UUID, Map<String, TranslationSummary>> rows(List<Tuple> tuples, boolean live) {
    Map<UUID, Map<String, Row>> byEntry = new HashMap<>();
    for (Tuple t : tuples) {
      byEntry
          .computeIfAbsent(t.get(0, UUID.class), id -> new TreeMap<>())
          .put(
              t.get(1, String.class),
              new Row(
                  t.get(2, String.class),
                  t.get(3, String.class),
                  live ? TranslationStatus.PUBLISHED : t.get(4, TranslationStatus.class),
                  t.get(5, Instant.class),
                  t.get(6, Instant.class),
                  t.get(7, Long.class),
                  t.get(8, Long.class),
                  t.get(9, Long.class)));
    }
    Map<UUID, Map<String, TranslationSummary>> summaries = new HashMap<>();
    byEntry.forEach((id, locales) -> summaries.put(id, summarise(locales)));
    return summaries;
  }

  /** Staleness as the full view computes it (TranslationView.of), from the rows shown. */
  private static Map<String, TranslationSummary> summarise(Map<String, Row> locales) {
    Row source =
        locales.values().stream().filter(r -> r.sourceRevision() == null).findFirst().orElse(null);
    Map<String, TranslationSummary> summaries = new LinkedHashMap<>();
    locales.forEach(
        (locale, r) ->
            summaries.put(
                locale,
                new TranslationSummary(
                    r.title(),
                    r.slug(),
                    r.status(),
                    r.publishedAt(),
                    r.updatedAt(),
                    r.liveRevision(),
                    source == null || source == r
                        ? null
                        : r.sourceRevision() == null || r.sourceRevision() < source.revision())));
    return summaries;
  }

  /** Place and pillar codes of each entry, in the order they were given. */
  private Map<UUID, Map<TermKind, List<String>>> terms(EntityManager em, List<UUID> ids) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> select = cb.createTupleQuery();
    Root<E> e = select.from(entityClass);
    ListJoin<E, Term> term = e.joinList("terms");
    Path<TermKind> kind = term.get("kind");
    select
        .multiselect(e.get("id"), kind, term.get("code"))
        .where(e.get("id").in(ids), kind.in(TermKind.PLACE, TermKind.PILLAR))
        .orderBy(cb.asc(e.get("id")), cb.asc(term.index()));
    Map<UUID, Map<TermKind, List<String>>> codes = new HashMap<>();
    for (Tuple t : em.createQuery(select).getResultList()) {
      codes
          .computeIfAbsent(t.get(0, UUID.class), id -> new HashMap<>())
          .computeIfAbsent(t.get(1, TermKind.class), k -> new ArrayList<>())
          .add(t.get(2, String.class));
    }
    return codes;
  }

  /** The first media asset each entry links to, in link order (a story's hero comes first). */
  private Map<UUID, UUID> thumbnails(EntityManager em, List<UUID> ids) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> select = cb.createTupleQuery();
    Root<E> e = select.from(entityClass);
    ListJoin<E, EntryLink> link = e.joinList("links");
    Root<Entry> media = select.from(Entry.class);
    select
        .multiselect(e.get("id"), link.get("target"))
        .where(
            e.get("id").in(ids),
            cb.equal(media.get("id"), link.get("target")),
            cb.equal(media.get("typeCode"), EntryType.MEDIA.code()))
        .orderBy(cb.asc(e.get("id")), cb.asc(link.index()));
    Map<UUID, UUID> first = new HashMap<>();
    for (Tuple t : em.createQuery(select).getResultList()) {
      first.putIfAbsent(t.get(0, UUID.class), t.get(1, UUID.class));
    }
    return first;
  }
}
