package vn.storybank.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import vn.storybank.core.error.Violations;
import vn.storybank.core.taxonomy.TermView;
import vn.storybank.search.Analysis.Token;
import vn.storybank.search.Fields.Variant;
import vn.storybank.search.Scopes.TenantTerms;
import vn.storybank.search.SearchRequest.Audience;

/** Autocomplete: taxonomy labels first, then titles, matched on folded words. */
final class Suggestions {
  private final SearchIndex index;
  private final Analysis analysis;
  private final Scopes scopes;

  Suggestions(SearchIndex index, Scopes scopes) {
    this.index = index;
    this.analysis = index.analysis();
    this.scopes = scopes;
  }

  /** Titles and taxonomy labels starting with what was typed, diacritics ignored. */
  List<Suggestion> suggest(
      String tenantCode, Audience audience, String q, String requestedLocale, int limit) {
    TenantTerms tenant = scopes.tenant(tenantCode);
    Violations violations = new Violations();
    String locale = scopes.locale(tenant.view(), audience, requestedLocale, violations);
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
                Scopes.labelLocales(tenant.view(), locale),
                Math.min(5, limit)));
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    for (int i = 0; i < words.size(); i++) {
      Term term = new Term(Fields.SUGGEST, words.get(i));
      boolean prefix = lastIsPrefix && i == words.size() - 1;
      builder.add(prefix ? new PrefixQuery(term) : new TermQuery(term), Occur.MUST);
    }
    SearchRequest scope = SearchRequest.of(tenantCode, audience, null, locale);
    scopes.filters(scope, locale).forEach(f -> builder.add(f, Occur.FILTER));
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
      String label = Scopes.label(term, locales);
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
}
