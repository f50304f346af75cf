package vn.storybank.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.taxonomy.TermView;
import vn.storybank.core.tenant.TenantView;
import vn.storybank.search.Analysis.Token;
import vn.storybank.search.Fields.Part;
import vn.storybank.search.Fields.Variant;
import vn.storybank.search.SearchRequest.Audience;
import vn.storybank.search.SearchResult.FacetValue;
import vn.storybank.search.SearchResult.Hit;
import vn.storybank.search.UserQuery.Clause;

/** Searches, suggestions and related entries over this node's index. */
public final class SearchService {
  public static final int MAX_LIMIT = 100;
  public static final int MAX_OFFSET = 10_000;
  private static final int RELAX_BELOW = 3;
  private static final int FACET_VALUES = 100;
  private static final long RECENCY_PIVOT_MILLIS = Duration.ofDays(90).toMillis();

  static {
    // A query of 32 words over every language's fields has many leaf clauses; the parser bounds it.
    IndexSearcher.setMaxClauseCount(8192);
  }

  private final SearchIndex index;
  private final Analysis analysis;
  private final TextQueries textQueries;
  private final Clock clock;
  private final Map<String, TenantTerms> terms = new ConcurrentHashMap<>();

  public SearchService(SearchIndex index, Clock clock) {
    this.index = index;
    this.analysis = index.analysis();
    this.textQueries = new TextQueries(analysis);
    this.clock = clock;
  }

  public SearchResult search(SearchRequest request) {
    TenantTerms tenant = tenant(request.tenant());
    Violations violations = new Violations();
    String locale = locale(tenant.view, request.audience(), request.locale(), violations);
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
    violations.throwIfAny();
    UserQuery query = UserQuery.parse(request.q());
    Set<Family> families = families(tenant.view, request.audience(), locale);

    List<Query> filters = baseFilters(request, locale);
    Map<Facet, Query> selections = new EnumMap<>(Facet.class);
    request
        .filters()
        .forEach(
            (facet, values) -> {
              if (!values.isEmpty()) {
                selections.put(facet, KeywordField.newSetQuery(facet.field, utf8(values)));
              }
            });
    boolean byDate =
        "updated".equals(request.sort()) || (request.sort() == null && query.matchesAll());
    int wanted = request.offset() + request.limit();

    return index.withSearcher(
        searcher -> {
          try {
            Query text = textQueries.build(query, families, false);
            Outcome outcome =
                run(searcher, text, filters, selections, request.recency(), byDate, wanted);
            boolean relaxed = false;
            if (outcome.top.totalHits.value < RELAX_BELOW && hasLongWord(query)) {
              Query fuzzy = textQueries.build(query, families, true);
              Outcome wider =
                  run(searcher, fuzzy, filters, selections, request.recency(), byDate, wanted);
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
              Query sideways = combine(text, filters, others.values(), false);
              counts.putAll(searcher.search(sideways, new FacetCounts(EnumSet.of(facet))));
            }
            List<Hit> hits =
                hits(searcher, outcome.top, request.offset(), query, request.audience(), locale);
            return new SearchResult(
                outcome.top.totalHits.value,
                hits,
                facets(counts, tenant, labelLocales(tenant.view, locale)),
                relaxed);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private record Outcome(TopDocs top, Map<Facet, Map<String, Long>> counts) {}

  private Outcome run(
      IndexSearcher searcher,
      Query text,
      List<Query> filters,
      Map<Facet, Query> selections,
      boolean recency,
      boolean byDate,
      int wanted)
      throws IOException {
    Query query = combine(text, filters, selections.values(), recency);
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
                        false)
                    : new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE, false),
                new FacetCounts(unselected)));
    @SuppressWarnings("unchecked")
    Map<Facet, Map<String, Long>> counts = (Map<Facet, Map<String, Long>>) results[1];
    return new Outcome((TopDocs) results[0], counts);
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

  private List<Query> baseFilters(SearchRequest request, String locale) {
    List<Query> filters = new ArrayList<>();
    filters.add(new TermQuery(new Term(Fields.TENANT, request.tenant())));
    if (request.audience() == Audience.PUBLIC) {
      filters.add(new TermQuery(new Term(Fields.SERVES, locale)));
    } else if (locale != null) {
      filters.add(KeywordField.newExactQuery(Fields.LOCALE, locale));
    }
    if (request.audience() == Audience.PUBLIC || request.rightsValid()) {
      filters.add(rightsValid());
    }
    if (request.from() != null || request.to() != null) {
      filters.add(
          LongField.newRangeQuery(
              Fields.DATE,
              request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay(),
              request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay()));
    }
    if (request.near() != null) {
      filters.add(
          LatLonPoint.newDistanceQuery(
              Fields.GEO,
              request.near().latitude(),
              request.near().longitude(),
              request.near().kilometres() * 1000));
    }
    if (request.within() != null) {
      var box = request.within();
      filters.add(
          LatLonPoint.newBoxQuery(Fields.GEO, box.south(), box.north(), box.west(), box.east()));
    }
    if (request.hasMedia() != null) {
      Query hasMedia = new TermQuery(new Term(Fields.HAS_MEDIA, "true"));
      filters.add(request.hasMedia() ? hasMedia : not(hasMedia));
    }
    return filters;
  }

  /** Media whose licence has not ended and which show no one without consent. */
  private Query rightsValid() {
    return new BooleanQuery.Builder()
        .add(
            LongField.newRangeQuery(Fields.RIGHTS_EXPIRE, clock.millis() + 1, Long.MAX_VALUE),
            Occur.FILTER)
        .add(new TermQuery(new Term(Fields.RIGHTS_BLOCKED, "true")), Occur.MUST_NOT)
        .build();
  }

  private static Query not(Query query) {
    return new BooleanQuery.Builder()
        .add(new MatchAllDocsQuery(), Occur.FILTER)
        .add(query, Occur.MUST_NOT)
        .build();
  }

  private List<Hit> hits(
      IndexSearcher searcher,
      TopDocs top,
      int offset,
      UserQuery query,
      Audience audience,
      String locale)
      throws IOException {
    StoredFields stored = searcher.storedFields();
    Map<Family, Set<String>> termsByFamily = new EnumMap<>(Family.class);
    Map<Family, Set<String>> prefixesByFamily = new EnumMap<>(Family.class);
    List<Hit> hits = new ArrayList<>();
    ScoreDoc[] docs = top.scoreDocs;
    for (int i = offset; i < docs.length; i++) {
      Document doc = stored.document(docs[i].doc);
      String hitLocale = doc.get(Fields.LOCALE);
      Family family = Family.of(hitLocale);
      Set<String> terms = termsByFamily.computeIfAbsent(family, f -> matchTerms(query, f, false));
      Set<String> prefixes =
          prefixesByFamily.computeIfAbsent(family, f -> matchTerms(query, f, true));
      String field = Fields.text(Part.BODY, family, Variant.FOLDED);
      String summary = doc.get(Fields.STORED_SUMMARY);
      String body = doc.get(Fields.STORED_BODY);
      var analyzer = analysis.matching(family);
      String snippet = Snippets.highlight(analyzer, field, summary, terms, prefixes);
      if (snippet == null) {
        snippet = Snippets.highlight(analyzer, field, body, terms, prefixes);
      }
      if (snippet == null) {
        snippet = Snippets.lead(summary == null || summary.isEmpty() ? body : summary);
      }
      hits.add(
          new Hit(
              UUID.fromString(doc.get(Fields.ID)),
              doc.get(Fields.TYPE),
              hitLocale,
              audience == Audience.PUBLIC && !hitLocale.equals(locale),
              doc.get(Fields.STORED_TITLE),
              doc.get(Fields.STORED_SLUG),
              snippet,
              Float.isNaN(docs[i].score) ? 0f : docs[i].score));
    }
    return hits;
  }

  /** The query's positive words in a family's matching form: whole words, or prefixes. */
  private Set<String> matchTerms(UserQuery query, Family family, boolean prefixes) {
    Set<String> terms = new LinkedHashSet<>();
    String field = Fields.text(Part.BODY, family, Variant.FOLDED);
    for (Clause clause : query.positive()) {
      List<Token> tokens = Analysis.tokens(analysis.matching(family), field, clause.text());
      for (int i = 0; i < tokens.size(); i++) {
        boolean isPrefix = clause.prefix() && i == tokens.size() - 1;
        if (isPrefix == prefixes) {
          terms.add(tokens.get(i).term());
        }
      }
    }
    return terms;
  }

  private static boolean hasLongWord(UserQuery query) {
    return query.positive().stream()
        .anyMatch(c -> !c.prefix() && c.text().codePointCount(0, c.text().length()) >= 5);
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
                        term == null ? e.getKey() : label(term, labelLocales),
                        e.getValue(),
                        term == null ? null : term.parent());
                  })
              .toList();
      facets.put(facet.parameter(), list);
    }
    return facets;
  }

  private static String label(TermView term, List<String> locales) {
    for (String locale : locales) {
      String label = term.labels().get(locale);
      if (label != null) {
        return label;
      }
    }
    return term.code();
  }

  /** Titles and taxonomy labels starting with what was typed, diacritics ignored. */
  public List<Suggestion> suggest(
      String tenantCode, Audience audience, String q, String requestedLocale, int limit) {
    TenantTerms tenant = tenant(tenantCode);
    Violations violations = new Violations();
    String locale = locale(tenant.view, audience, requestedLocale, violations);
    if (limit < 1 || limit > 20) {
      violations.add("limit", "Give a limit from 1 to 20.");
    }
    if (q != null && q.length() > 200) {
      violations.add("q", "Type at most 200 characters for suggestions.");
    }
    violations.throwIfAny();
    if (q == null || q.isBlank()) {
      return List.of();
    }
    List<Token> tokens = Analysis.tokens(analysis.of(Family.VI, Variant.FOLDED), Fields.SUGGEST, q);
    if (tokens.isEmpty()) {
      return List.of();
    }
    boolean lastIsPrefix = !Character.isWhitespace(q.charAt(q.length() - 1));
    List<String> words = tokens.stream().map(Token::term).toList();
    List<Suggestion> suggestions =
        new ArrayList<>(
            termSuggestions(
                tenant,
                words,
                lastIsPrefix,
                labelLocales(tenant.view, locale),
                Math.min(5, limit)));
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    for (int i = 0; i < words.size(); i++) {
      Term term = new Term(Fields.SUGGEST, words.get(i));
      boolean prefix = lastIsPrefix && i == words.size() - 1;
      builder.add(prefix ? new PrefixQuery(term) : new TermQuery(term), Occur.MUST);
    }
    SearchRequest scope = SearchRequest.of(tenantCode, audience, null, locale);
    baseFilters(scope, locale).forEach(f -> builder.add(f, Occur.FILTER));
    Query query = builder.build();
    int wanted = limit - suggestions.size();
    return index.withSearcher(
        searcher -> {
          try {
            TopDocs top = searcher.search(query, wanted * 3);
            StoredFields stored = searcher.storedFields();
            Set<String> seen = new LinkedHashSet<>();
            for (ScoreDoc hit : top.scoreDocs) {
              Document doc = stored.document(hit.doc);
              if (suggestions.size() < limit && seen.add(doc.get(Fields.ID))) {
                suggestions.add(
                    new Suggestion(
                        doc.get(Fields.STORED_TITLE),
                        "entry",
                        doc.get(Fields.TYPE),
                        UUID.fromString(doc.get(Fields.ID)),
                        null));
              }
            }
            return suggestions;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private List<Suggestion> termSuggestions(
      TenantTerms tenant,
      List<String> words,
      boolean lastIsPrefix,
      List<String> locales,
      int limit) {
    List<Suggestion> found = new ArrayList<>();
    for (TermView term : tenant.all()) {
      if (found.size() >= limit) {
        break;
      }
      String label = label(term, locales);
      List<String> labelWords =
          Analysis.tokens(analysis.of(Family.VI, Variant.FOLDED), Fields.SUGGEST, label).stream()
              .map(Token::term)
              .toList();
      boolean all = true;
      for (int i = 0; i < words.size() && all; i++) {
        String word = words.get(i);
        boolean prefix = lastIsPrefix && i == words.size() - 1;
        all = labelWords.stream().anyMatch(w -> prefix ? w.startsWith(word) : w.equals(word));
      }
      if (all) {
        found.add(new Suggestion(label, "term", term.kind(), null, term.code()));
      }
    }
    return found;
  }

  /** Entries like this one: shared words (MoreLikeThis) and shared taxonomy terms. */
  public List<Hit> related(
      String tenantCode,
      Audience audience,
      UUID id,
      String requestedLocale,
      String type,
      int limit) {
    TenantTerms tenant = tenant(tenantCode);
    Violations violations = new Violations();
    String locale = locale(tenant.view, audience, requestedLocale, violations);
    if (limit < 1 || limit > 50) {
      violations.add("limit", "Give a limit from 1 to 50.");
    }
    violations.throwIfAny();
    SearchRequest scope = SearchRequest.of(tenantCode, audience, null, locale);
    List<Query> filters = baseFilters(scope, locale);
    return index.withSearcher(
        searcher -> {
          try {
            BooleanQuery.Builder find = new BooleanQuery.Builder();
            find.add(KeywordField.newExactQuery(Fields.ID, id.toString()), Occur.MUST);
            filters.forEach(f -> find.add(f, Occur.FILTER));
            TopDocs self = searcher.search(find.build(), 1);
            if (self.scoreDocs.length == 0) {
              throw StorybankException.notFound(
                  "No "
                      + (audience == Audience.PUBLIC ? "published " : "")
                      + "entry "
                      + id
                      + " in "
                      + tenantCode
                      + ".");
            }
            Document doc = searcher.storedFields().document(self.scoreDocs[0].doc);
            Family family = Family.of(doc.get(Fields.LOCALE));
            String field = Fields.text(Part.BODY, family, Variant.FOLDED);
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analysis.of(family, Variant.FOLDED));
            mlt.setFieldNames(new String[] {field});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMaxQueryTerms(25);
            String text =
                String.join(
                    " ",
                    nonNull(doc.get(Fields.STORED_TITLE)),
                    nonNull(doc.get(Fields.STORED_SUMMARY)),
                    nonNull(doc.get(Fields.STORED_BODY)));
            BooleanQuery.Builder like = new BooleanQuery.Builder();
            like.add(mlt.like(field, new StringReader(text)), Occur.SHOULD);
            for (Facet facet : List.of(Facet.TOPIC, Facet.PILLAR, Facet.PLACE)) {
              for (String code : doc.getValues(facet.field)) {
                like.add(
                    new BoostQuery(KeywordField.newExactQuery(facet.field, code), 0.5f),
                    Occur.SHOULD);
              }
            }
            like.setMinimumNumberShouldMatch(1);
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            query.add(like.build(), Occur.MUST);
            filters.forEach(f -> query.add(f, Occur.FILTER));
            query.add(KeywordField.newExactQuery(Fields.ID, id.toString()), Occur.MUST_NOT);
            if (type != null) {
              query.add(KeywordField.newExactQuery(Fields.TYPE, type), Occur.FILTER);
            }
            TopDocs top = searcher.search(query.build(), limit * 3);
            List<Hit> all = hits(searcher, top, 0, UserQuery.parse(null), audience, locale);
            Set<UUID> seen = new LinkedHashSet<>();
            return all.stream().filter(h -> seen.add(h.id())).limit(limit).toList();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private String locale(
      TenantView tenant, Audience audience, String requested, Violations violations) {
    if (requested == null || requested.isBlank()) {
      return audience == Audience.PUBLIC ? tenant.sourceLocale() : null;
    }
    for (var locale : tenant.locales()) {
      if (locale.tag().equalsIgnoreCase(requested)) {
        return locale.tag();
      }
    }
    violations.add(
        "locale",
        "Locale "
            + requested
            + " is not enabled for "
            + tenant.code()
            + "; use one of "
            + String.join(", ", tenant.locales().stream().map(l -> l.tag()).toList())
            + ".");
    return null;
  }

  private static Set<Family> families(TenantView tenant, Audience audience, String locale) {
    Set<Family> families = EnumSet.noneOf(Family.class);
    if (locale == null) {
      tenant.locales().forEach(l -> families.add(Family.of(l.tag())));
      families.add(Family.of(tenant.sourceLocale()));
    } else if (audience == Audience.PUBLIC) {
      tenant.fallbackChain(locale).forEach(l -> families.add(Family.of(l)));
    } else {
      families.add(Family.of(locale));
    }
    return families;
  }

  private static List<String> labelLocales(TenantView tenant, String locale) {
    return tenant.fallbackChain(locale == null ? tenant.sourceLocale() : locale);
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

  /** A tenant's settings and terms, reloaded when the index has applied a term or tenant change. */
  private TenantTerms tenant(String code) {
    long version = index.taxonomyVersion();
    TenantTerms cached = terms.get(code);
    if (cached != null && cached.version == version) {
      return cached;
    }
    TenantView view = index.core().tenants().get(code);
    Map<TermKind, Map<String, TermView>> byKind = new EnumMap<>(TermKind.class);
    for (TermKind kind : TermKind.values()) {
      Map<String, TermView> byCode = new HashMap<>();
      index.core().taxonomies().list(code, kind).forEach(t -> byCode.put(t.code(), t));
      byKind.put(kind, byCode);
    }
    TenantTerms loaded = new TenantTerms(version, view, byKind);
    terms.put(code, loaded);
    return loaded;
  }

  private record TenantTerms(
      long version, TenantView view, Map<TermKind, Map<String, TermView>> byKind) {
    TermView term(TermKind kind, String code) {
      return byKind.get(kind).get(code);
    }

    List<TermView> all() {
      return byKind.values().stream().flatMap(m -> m.values().stream()).toList();
    }
  }
}
