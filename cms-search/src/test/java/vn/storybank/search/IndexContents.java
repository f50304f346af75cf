package vn.storybank.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import vn.storybank.core.Storybank;
import vn.storybank.core.snapshot.EntrySnapshot;
import vn.storybank.core.snapshot.TranslationSnapshot;

/**
 * What an index holds and what the database says it should hold: key → working title and status,
 * and key#live → the live title.
 */
final class IndexContents {
  private IndexContents() {}

  static Map<String, String> indexed(SearchIndex index) {
    return index.withSearcher(
        searcher -> {
          try {
            Map<String, String> contents = new TreeMap<>();
            int all = Math.max(1, searcher.getIndexReader().numDocs());
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(new MatchAllDocsQuery(), all).scoreDocs) {
              Document doc = stored.document(hit.doc);
              String key = Documents.key(doc.get(Fields.ID), doc.get(Fields.LOCALE));
              for (String view : doc.getValues(Fields.VIEW)) {
                String previous =
                    view.equals(Documents.EDITOR)
                        ? contents.put(
                            key, doc.get(Fields.STORED_TITLE) + " | " + doc.get(Fields.STATUS))
                        : contents.put(key + "#live", doc.get(Fields.STORED_TITLE));
                if (previous != null) {
                  throw new AssertionError("Two " + view + " documents for " + key);
                }
              }
            }
            return contents;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static Map<String, String> expected(Storybank core) {
    Map<String, String> contents = new TreeMap<>();
    UUID after = null;
    while (true) {
      var page = core.snapshots().page(after, 500);
      if (page.isEmpty()) {
        return contents;
      }
      for (EntrySnapshot entry : page) {
        for (TranslationSnapshot t : entry.translations()) {
          contents.put(
              Documents.key(entry.id().toString(), t.locale()),
              t.title() + " | " + t.status().code());
          if (t.live() != null && !t.servesLocales().isEmpty()) {
            contents.put(
                Documents.key(entry.id().toString(), t.locale()) + "#live", t.live().title());
          }
        }
      }
      after = page.get(page.size() - 1).id();
    }
  }
}
