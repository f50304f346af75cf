package vn.storybank.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
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
          Fields.STORED_STALE,
          Fields.STATUS,
          Fields.UPDATED,
          Fields.STORED_SUMMARY,
          Fields.STORED_BODY);

  /**
   * Fewer hits than this are read in one slice: handing them over would cost more than it saves.
   */
  private static final int MIN_SLICE = 4;

  /** About as long as the titles editors write. */
  private static final int TITLE_LENGTH = 80;

  private final Analysis analysis;
  private final int slices;

  /**
   * @param slices how many parts a page is read in side by side: the number of query threads
   */
  HitReader(Analysis analysis, int slices) {
    this.analysis = analysis;
    this.slices = Math.max(1, slices);
  }

  /**
   * The hits of {@code top} from {@code offset} on. Reading stored fields and making snippets is a
   * good part of a query's time, and it follows the search itself: the page is read in slices side
   * by side on the searcher's query threads, like the segments were searched.
   */
  List<Hit> hits(
      IndexSearcher searcher,
      TopDocs top,
      int offset,
      UserQuery query,
      Audience audience,
      String locale)
      throws IOException {
    ScoreDoc[] docs = top.scoreDocs;
    int count = Math.max(0, docs.length - offset);
    int parts = Math.max(1, Math.min(count / MIN_SLICE, slices));
    List<Callable<List<Hit>>> tasks = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      int from = offset + count * part / parts;
      int to = offset + count * (part + 1) / parts;
      tasks.add(() -> read(searcher, docs, from, to, query, audience, locale));
    }
    List<Hit> hits = new ArrayList<>(count);
    searcher.getTaskExecutor().invokeAll(tasks).forEach(hits::addAll);
    return hits;
  }

  /** Stored fields readers are not shared between threads: each slice opens its own. */
  private List<Hit> read(
      IndexSearcher searcher,
      ScoreDoc[] docs,
      int from,
      int to,
      UserQuery query,
      Audience audience,
      String locale)
      throws IOException {
    StoredFields stored = searcher.storedFields();
    Map<Family, Snippets.Words> wordsByFamily = new EnumMap<>(Family.class);
    List<Hit> hits = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(SHOWN);
      stored.document(docs[i].doc, visitor);
      Document doc = visitor.getDocument();
      String hitLocale = doc.get(Fields.LOCALE);
      boolean editor = audience == Audience.EDITOR;
      Family family = Family.of(hitLocale);
      Snippets.Words words =
          wordsByFamily.computeIfAbsent(
              family,
              f -> new Snippets.Words(matchTerms(query, f, false), matchTerms(query, f, true)));
      String summary = doc.get(Fields.STORED_SUMMARY);
      String body = doc.get(Fields.STORED_BODY);
      String snippet = Snippets.highlight(analysis, family, summary, words);
      if (snippet == null) {
        snippet = Snippets.highlight(analysis, family, body, words);
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
              Float.isNaN(docs[i].score) ? 0f : docs[i].score,
              editor ? doc.get(Fields.STATUS) : null,
              editor ? updated(doc) : null,
              editor ? stale(doc) : null));
    }
    return hits;
  }

  private static Instant updated(Document doc) {
    var field = doc.getField(Fields.UPDATED);
    return field == null ? null : Instant.ofEpochMilli(field.numericValue().longValue());
  }

  private static Boolean stale(Document doc) {
    String stale = doc.get(Fields.STORED_STALE);
    return stale == null ? null : Boolean.valueOf(stale);
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
