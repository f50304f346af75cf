package vn.storybank.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import vn.storybank.core.snapshot.EntrySnapshot;
import vn.storybank.core.snapshot.TermRef;
import vn.storybank.core.snapshot.TranslationSnapshot;
import vn.storybank.search.Fields.Part;
import vn.storybank.search.Fields.Variant;

/** One Lucene document per entry and locale. */
final class Documents {
  /** Stands for "no rights expiry", so that "still valid" is one range query. */
  static final long NEVER = Long.MAX_VALUE;

  private Documents() {}

  static String key(String id, String locale) {
    return id + "/" + locale;
  }

  static List<Document> of(EntrySnapshot entry) {
    List<Document> documents = new ArrayList<>(entry.translations().size());
    for (TranslationSnapshot translation : entry.translations()) {
      documents.add(of(entry, translation));
    }
    return documents;
  }

  private static Document of(EntrySnapshot entry, TranslationSnapshot t) {
    Document doc = new Document();
    String id = entry.id().toString();
    doc.add(new StringField(Fields.KEY, key(id, t.locale()), Store.NO));
    doc.add(new KeywordField(Fields.ID, id, Store.YES));
    doc.add(new StringField(Fields.TENANT, entry.tenant(), Store.NO));
    doc.add(new KeywordField(Fields.TYPE, entry.type().code(), Store.YES));
    doc.add(new KeywordField(Fields.LOCALE, t.locale(), Store.YES));
    doc.add(new KeywordField(Fields.STATUS, t.status().code(), Store.YES));
    for (String locale : t.servesLocales()) {
      doc.add(new StringField(Fields.SERVES, locale, Store.NO));
    }
    if (entry.kind() != null) {
      doc.add(new KeywordField(Fields.KIND, entry.kind(), Store.NO));
    }
    for (TermRef term : entry.terms()) {
      String field = Facet.fieldOf(term.kind());
      doc.add(new KeywordField(field, term.code(), Store.YES));
      for (String ancestor : term.ancestors()) {
        doc.add(new KeywordField(field, ancestor, Store.YES));
      }
    }
    if (entry.ocopStars() != null) {
      doc.add(new KeywordField(Fields.STARS, entry.ocopStars().toString(), Store.NO));
    }
    doc.add(new KeywordField(Fields.YEAR, Integer.toString(entry.date().getYear()), Store.NO));
    doc.add(new LongField(Fields.DATE, entry.date().toEpochDay(), Store.NO));
    Instant updated = t.updatedAt().isAfter(entry.updatedAt()) ? t.updatedAt() : entry.updatedAt();
    doc.add(new LongField(Fields.UPDATED, updated.toEpochMilli(), Store.YES));
    doc.add(
        new LongField(
            Fields.RIGHTS_EXPIRE,
            entry.rightsExpireAt() == null ? NEVER : entry.rightsExpireAt().toEpochMilli(),
            Store.NO));
    if (entry.rightsBlocked()) {
      doc.add(new StringField(Fields.RIGHTS_BLOCKED, "true", Store.NO));
    }
    if (entry.hasMedia()) {
      doc.add(new StringField(Fields.HAS_MEDIA, "true", Store.NO));
    }
    for (String channel : entry.channels()) {
      doc.add(new StringField(Fields.CHANNEL, channel, Store.NO));
    }
    if (entry.latitude() != null && entry.longitude() != null) {
      doc.add(new LatLonPoint(Fields.GEO, entry.latitude(), entry.longitude()));
      doc.add(new LatLonDocValuesField(Fields.GEO, entry.latitude(), entry.longitude()));
    }

    String title = t.title() == null ? "" : t.title();
    String summary = summaryText(entry, t);
    String body = t.bodyText() == null ? "" : t.bodyText();
    doc.add(new StoredField(Fields.STORED_TITLE, title));
    doc.add(new StoredField(Fields.STORED_SUMMARY, summary));
    doc.add(new StoredField(Fields.STORED_BODY, body));
    if (t.slug() != null) {
      doc.add(new StoredField(Fields.STORED_SLUG, t.slug()));
    }
    doc.add(new TextField(Fields.SUGGEST, title, Store.NO));
    Family family = Family.of(t.locale());
    addText(doc, family, Part.TITLE, title);
    addText(doc, family, Part.SUMMARY, summary);
    addText(doc, family, Part.BODY, body);
    return doc;
  }

  private static void addText(Document doc, Family family, Part part, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (family.syllabic) {
      SyllableFields.of(part, family, text).forEach(doc::add);
    } else {
      doc.add(new TextField(Fields.text(part, family, Variant.EXACT), text, Store.NO));
    }
  }

  /**
   * The second-rank text: subtitle, summary, keywords, caption, alt text, and the labels of the
   * entry's terms in this locale (so "chợ phiên" finds stories tagged with the markets topic).
   */
  private static String summaryText(EntrySnapshot entry, TranslationSnapshot t) {
    StringJoiner text = new StringJoiner(" \n ");
    for (String part : new String[] {t.subtitle(), t.summary(), t.caption(), t.altText()}) {
      if (part != null && !part.isBlank()) {
        text.add(part);
      }
    }
    if (t.keywords() != null) {
      t.keywords().forEach(text::add);
    }
    Set<String> labels = new LinkedHashSet<>();
    for (TermRef term : entry.terms()) {
      String label = term.labels().get(t.locale());
      if (label != null) {
        labels.add(label);
      }
    }
    labels.forEach(text::add);
    return text.toString();
  }
}
