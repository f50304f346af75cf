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

/** What an index holds and what the database says it should hold: key → title and status. */
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
              String previous =
                  contents.put(
                      Documents.key(doc.get(Fields.ID), doc.get(Fields.LOCALE)),
                      doc.get(Fields.STORED_TITLE) + " | " + doc.get(Fields.STATUS));
              if (previous != null) {
                throw new AssertionError("Two documents for " + doc.get(Fields.ID));
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
        }
      }
      after = page.get(page.size() - 1).id();
    }
  }
}
