package vn.storybank.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.search.Fields.Part;
import vn.storybank.search.Fields.Variant;
import vn.storybank.search.Scopes.TenantTerms;
import vn.storybank.search.SearchRequest.Audience;
import vn.storybank.search.SearchResult.Hit;

/** Entries like a given one, for "related stories". */
final class RelatedEntries {
  private final SearchIndex index;
  private final Analysis analysis;
  private final Scopes scopes;
  private final HitReader hitReader;

  RelatedEntries(SearchIndex index, Scopes scopes, HitReader hitReader) {
    this.index = index;
    this.analysis = index.analysis();
    this.scopes = scopes;
    this.hitReader = hitReader;
  }

  /** Entries like this one: shared words (MoreLikeThis) and shared taxonomy terms. */
  List<Hit> related(
      String tenantCode,
      Audience audience,
      UUID id,
      String requestedLocale,
      String type,
      int limit) {
    TenantTerms tenant = scopes.tenant(tenantCode);
    Violations violations = new Violations();
    String locale = scopes.locale(tenant.view(), audience, requestedLocale, violations);
    if (limit < 1 || limit > 50) {
      violations.add("limit", "Give a limit from 1 to 50.");
    }
    violations.throwIfAny();
    SearchRequest scope = SearchRequest.of(tenantCode, audience, null, locale);
    List<Query> filters = scopes.filters(scope, locale);
    return index.withSearcher(
        searcher -> {
          try {
            BooleanQuery.Builder find = new BooleanQuery.Builder();
            find.add(Keywords.exact(Fields.ID, id.toString()), Occur.MUST);
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
                    nonNull(doc.get(Fields.STORED_TAGS)),
                    nonNull(doc.get(Fields.STORED_BODY)));
            BooleanQuery.Builder like = new BooleanQuery.Builder();
            like.add(mlt.like(field, new StringReader(text)), Occur.SHOULD);
            for (Facet facet : List.of(Facet.TOPIC, Facet.PILLAR, Facet.PLACE)) {
              for (String code : doc.getValues(facet.field)) {
                like.add(new BoostQuery(Keywords.exact(facet.field, code), 0.5f), Occur.SHOULD);
              }
            }
            like.setMinimumNumberShouldMatch(1);
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            query.add(like.build(), Occur.MUST);
            filters.forEach(f -> query.add(f, Occur.FILTER));
            query.add(Keywords.exact(Fields.ID, id.toString()), Occur.MUST_NOT);
            if (type != null) {
              query.add(Keywords.exact(Fields.TYPE, type), Occur.FILTER);
            }
            TopDocs top = searcher.search(query.build(), limit * 3);
            List<Hit> all =
                hitReader.hits(searcher, top, 0, UserQuery.parse(null), audience, locale);
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
}
