package vn.storybank.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import vn.storybank.search.Analysis.Token;
import vn.storybank.search.Fields.Part;
import vn.storybank.search.Fields.Variant;
import vn.storybank.search.SearchRequest.Audience;
import vn.storybank.search.SearchResult.Hit;
import vn.storybank.search.UserQuery.Clause;

/** Turns top documents into hits: stored fields, and a snippet marking the query's words. */
final class HitReader {
  /** The stored fields a hit shows; the others (facet values, views) stay compressed. */
  private static final Set<String> SHOWN =
      Set.of(
          Fields.ID,
          Fields.TYPE,
          Fields.LOCALE,
          Fields.STORED_TITLE,
          Fields.STORED_SLUG,
          Fields.STORED_SUMMARY,
          Fields.STORED_BODY);

  /** About as long as the titles editors write. */
  private static final int TITLE_LENGTH = 80;

  private final Analysis analysis;

  HitReader(Analysis analysis) {
    this.analysis = analysis;
  }

  List<Hit> hits(
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
      DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(SHOWN);
      stored.document(docs[i].doc, visitor);
      Document doc = visitor.getDocument();
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
              title(doc.get(Fields.STORED_TITLE), summary),
              doc.get(Fields.STORED_SLUG),
              snippet,
              Float.isNaN(docs[i].score) ? 0f : docs[i].score));
    }
    return hits;
  }

  /**
   * A photo or video may have no title, only a caption or alt text: the first of those stands in,
   * so that a list of hits never shows an empty line.
   */
  private static String title(String title, String summary) {
    if ((title != null && !title.isBlank()) || summary == null || summary.isBlank()) {
      return title;
    }
    int end = summary.indexOf('\n');
    return Snippets.start((end < 0 ? summary : summary.substring(0, end)).strip(), TITLE_LENGTH);
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
}
