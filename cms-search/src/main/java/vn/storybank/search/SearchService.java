package vn.storybank.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.core.taxonomy.TermView;
import vn.storybank.search.Scopes.TenantTerms;
import vn.storybank.search.SearchRequest.Audience;
import vn.storybank.search.SearchResult.FacetValue;
import vn.storybank.search.SearchResult.Hit;

/** Searches, suggestions and related entries over this node's index. */
public final class SearchService {
  public static final int MAX_LIMIT = 100;
  public static final int MAX_OFFSET = 10_000;
  private static final int RELAX_BELOW = 3;
  private static final int FACET_VALUES = 100;

  /** How many of the best hits the body-adjacency bonus reorders. */
  private static final int RESCORED = 100;

  private static final long RECENCY_PIVOT_MILLIS = Duration.ofDays(90).toMillis();

  static {
    // A query of 32 words over every language's fields has many leaf clauses; the parser bounds it.
    IndexSearcher.setMaxClauseCount(8192);
  }

  private final SearchIndex index;
  private final Analysis analysis;
  private final TextQueries textQueries;
  private final Clock clock;
  private final Scopes scopes;
  private final HitReader hitReader;
  private final Suggestions suggestions;
  private final RelatedEntries related;

  public SearchService(SearchIndex index, Clock clock) {
    this.index = index;
    this.analysis = index.analysis();
    this.textQueries = new TextQueries(analysis);
    this.clock = clock;
    this.scopes = new Scopes(index, clock);
    this.hitReader = new HitReader(analysis, index.settings().queryThreads());
    this.suggestions = new Suggestions(index, scopes);
    this.related = new RelatedEntries(index, scopes, hitReader);
  }

  /** Titles and taxonomy labels starting with what was typed, diacritics ignored. */
  public List<Suggestion> suggest(
      String tenant, Audience audience, String q, String locale, int limit) {
    return suggestions.suggest(tenant, audience, q, locale, limit);
  }

  /** Entries like this one: shared words (MoreLikeThis) and shared taxonomy terms. */
  public List<Hit> related(
      String tenant, Audience audience, UUID id, String locale, String type, int limit) {
    return related.related(tenant, audience, id, locale, type, limit);
  }

  public SearchResult search(SearchRequest request) {
    TenantTerms tenant = scopes.tenant(request.tenant());
    Violations violations = new Violations();
    String locale = scopes.locale(tenant.view(), request.audience(), request.locale(), violations);
    if (request.limit() < 1 || request.limit() > MAX_LIMIT) {
      violations.add("limit", "Give a limit from 1 to " + MAX_LIMIT + ".");
    }
    if (request.offset() < 0 || request.offset() > MAX_OFFSET) {
      violations.add("offset", "Give an offset from 0 to " + MAX_OFFSET + ".");
    }
    if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
      violations.add("from", "The date range starts after it ends.");
    }
    validateGeo(request, violations);
    if (request.sort() != null && !List.of("relevance", "updated").contains(request.sort())) {
      violations.add("sort", "Sort by relevance or updated.");
    }
    Map<Facet, List<String>> selected = new EnumMap<>(Facet.class);
    request.filters().forEach((facet, values) -> selected.put(facet, List.copyOf(values)));
    // Selected locales as the tenant spells them, so that "EN" selects "en".
    List<String> selectedLocales =
        enabledLocales(
            tenant,
            request.audience() == Audience.EDITOR ? locale : null,
            selected.get(Facet.LOCALE),
            violations);
    selected.put(Facet.LOCALE, selectedLocales);
    // An editor's locale is the locale facet's selection, counted sideways as every facet is, so
    // the other locales stay selectable (and several can be).
    List<String> editorLocales =
        request.audience() == Audience.EDITOR ? selectedLocales : List.of();
    violations.throwIfAny();
    UserQuery query = UserQuery.parse(request.q());
    Set<Family> families =
        request.audience() == Audience.PUBLIC
            ? Scopes.families(tenant.view().fallbackChain(locale))
            : editorLocales.isEmpty()
                ? Scopes.allFamilies(tenant.view())
                : Scopes.families(editorLocales);

    List<Query> filters =
        scopes.filters(request, request.audience() == Audience.PUBLIC ? locale : null);
    Map<Facet, Query> selections = new EnumMap<>(Facet.class);
    selected.forEach(
        (facet, values) -> {
          if (!values.isEmpty()) {
            selections.put(facet, new TermInSetQuery(facet.field, utf8(values)));
          }
        });
    boolean byDate =
        "updated".equals(request.sort()) || (request.sort() == null && query.matchesAll());
    int wanted = request.offset() + request.limit();

    return index.withSearcher(
        searcher -> {
          try {
            Query text = textQueries.build(query, families, false);
            Query bonus = byDate ? null : textQueries.bodyAdjacency(query, families);
            Outcome outcome =
                run(searcher, text, bonus, filters, selections, request.recency(), byDate, wanted);
            boolean relaxed = false;
            if (outcome.top.totalHits.value < RELAX_BELOW && TextQueries.relaxable(query)) {
              Query fuzzy = textQueries.build(query, families, true);
              Outcome wider =
                  run(
                      searcher,
                      fuzzy,
                      bonus,
                      filters,
                      selections,
                      request.recency(),
                      byDate,
                      wanted);
              if (wider.top.totalHits.value > outcome.top.totalHits.value) {
                outcome = wider;
                text = fuzzy;
                relaxed = true;
              }
            }
            Map<Facet, Map<String, Long>> counts = new EnumMap<>(outcome.counts);
            for (Facet facet : selections.keySet()) {
              Map<Facet, Query> others = new EnumMap<>(selections);
              others.remove(facet);
              Query sidewaysText = text;
              if (facet == Facet.LOCALE && request.audience() == Audience.EDITOR) {
                // The other locales' documents match in their own languages' fields.
                Set<Family> all = Scopes.allFamilies(tenant.view());
                if (!all.equals(families)) {
                  sidewaysText = textQueries.build(query, all, relaxed);
                }
              }
              Query sideways = combine(sidewaysText, filters, others.values(), false);
              counts.putAll(searcher.search(sideways, new FacetCounts(EnumSet.of(facet))));
            }
            List<Hit> hits =
                hitReader.hits(
                    searcher, outcome.top, request.offset(), query, request.audience(), locale);
            return new SearchResult(
                outcome.top.totalHits.value,
                hits,
                facets(counts, tenant, Scopes.labelLocales(tenant.view(), locale)),
                relaxed);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (IndexSearcher.TooManyClauses e) {
            // Words × languages × fields × typo variants: bounded by the parser for the usual
            // case, but a long query of long words in every language can still exceed Lucene's
            // limit.
            throw StorybankException.invalid(
                "q",
                "The query asks too much at once across "
                    + families.size()
                    + " languages; use fewer or shorter words, or search one locale.");
          }
        });
  }

  /**
   * The requested locale (null: none) and the locale facet's selection, each enabled for the
   * tenant; empty: no selection.
   */
  private List<String> enabledLocales(
      TenantTerms tenant, String locale, List<String> selected, Violations violations) {
    Set<String> locales = new LinkedHashSet<>();
    if (locale != null) {
      locales.add(locale);
    }
    for (String value : selected == null ? List.<String>of() : selected) {
      String enabled = scopes.locale(tenant.view(), Audience.EDITOR, value, violations);
      if (enabled != null) {
        locales.add(enabled);
      }
    }
    return List.copyOf(locales);
  }

  /** The searcher may search segments side by side (see SearchSettings.queryThreads). */
  private static final boolean CONCURRENT = true;

  private record Outcome(TopDocs top, Map<Facet, Map<String, Long>> counts) {}

  /**
   * @param bonus added to the scores of the best {@link #RESCORED} hits (null: none), see {@link
   *     TextQueries#bodyAdjacency} and {@link WindowRescorer}
   */
  private Outcome run(
      IndexSearcher searcher,
      Query text,
      Query bonus,
      List<Query> filters,
      Map<Facet, Query> selections,
      boolean recency,
      boolean byDate,
      int wanted)
      throws IOException {
    Query query = combine(text, filters, selections.values(), recency);
    int collected = bonus == null ? wanted : Math.max(wanted, RESCORED);
    Set<Facet> unselected = EnumSet.allOf(Facet.class);
    unselected.removeAll(selections.keySet());
    Object[] results =
        searcher.search(
            query,
            new MultiCollectorManager(
                byDate
                    ? new TopFieldCollectorManager(
                        new Sort(
                            LongField.newSortField(
                                Fields.UPDATED, true, SortedNumericSelector.Type.MAX)),
                        wanted,
                        null,
                        Integer.MAX_VALUE,
                        CONCURRENT)
                    : new TopScoreDocCollectorManager(
                        collected, null, Integer.MAX_VALUE, CONCURRENT),
                new FacetCounts(unselected)));
    @SuppressWarnings("unchecked")
    Map<Facet, Map<String, Long>> counts = (Map<Facet, Map<String, Long>>) results[1];
    TopDocs top = (TopDocs) results[0];
    return new Outcome(
        bonus == null ? top : WindowRescorer.rescore(searcher, top, bonus, RESCORED, wanted),
        counts);
  }

  private Query combine(
      Query text, List<Query> filters, Collection<Query> selections, boolean recency) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    builder.add(text, Occur.MUST);
    filters.forEach(f -> builder.add(f, Occur.FILTER));
    selections.forEach(f -> builder.add(f, Occur.FILTER));
    if (recency) {
      builder.add(
          LongField.newDistanceFeatureQuery(
              Fields.UPDATED, 2f, clock.millis(), RECENCY_PIVOT_MILLIS),
          Occur.SHOULD);
    }
    return builder.build();
  }

  private Map<String, List<FacetValue>> facets(
      Map<Facet, Map<String, Long>> counts, TenantTerms tenant, List<String> labelLocales) {
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    for (Facet facet : Facet.values()) {
      Map<String, Long> values = counts.getOrDefault(facet, Map.of());
      List<FacetValue> list =
          values.entrySet().stream()
              .sorted(
                  Map.Entry.<String, Long>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(FACET_VALUES)
              .map(
                  e -> {
                    TermView term =
                        facet.termKind == null ? null : tenant.term(facet.termKind, e.getKey());
                    return new FacetValue(
                        e.getKey(),
                        term == null ? e.getKey() : Scopes.label(term, labelLocales),
                        e.getValue(),
                        term == null ? null : term.parent());
                  })
              .toList();
      facets.put(facet.parameter(), list);
    }
    return facets;
  }

  private static void validateGeo(SearchRequest request, Violations violations) {
    if (request.near() != null) {
      var near = request.near();
      if (Math.abs(near.latitude()) > 90 || Math.abs(near.longitude()) > 180) {
        violations.add("near", "Give a latitude from -90 to 90 and a longitude from -180 to 180.");
      }
      if (!(near.kilometres() > 0 && near.kilometres() <= 20_000)) {
        violations.add("near", "Give a radius above 0 and at most 20000 km.");
      }
    }
    if (request.within() != null) {
      var box = request.within();
      if (Math.abs(box.south()) > 90
          || Math.abs(box.north()) > 90
          || box.south() > box.north()
          || Math.abs(box.west()) > 180
          || Math.abs(box.east()) > 180) {
        violations.add(
            "within",
            "Give south,west,north,east with south ≤ north, latitudes within ±90 and longitudes within ±180.");
      }
    }
  }

  private static List<org.apache.lucene.util.BytesRef> utf8(List<String> values) {
    return values.stream().map(org.apache.lucene.util.BytesRef::new).toList();
  }
}
