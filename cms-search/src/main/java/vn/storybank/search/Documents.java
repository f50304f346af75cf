package vn.storybank.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.snapshot.EntrySnapshot;
import vn.storybank.core.snapshot.TermRef;
import vn.storybank.core.snapshot.TranslationSnapshot;
import vn.storybank.search.Fields.Part;
import vn.storybank.search.Fields.Variant;

/**
 * The documents of an entry: per locale, one with the working text (what editors search) and, when
 * something is live and its text differs, one with the live revision's text (what the public
 * searches). When the two texts are equal, which is the usual case, one document carries both
 * views. Only the document with the live text carries the {@link Fields#SERVES} locales, so the
 * public filter selects the live text by construction.
 */
final class Documents {
  /** The {@link Fields#VIEW} of the working text. */
  static final String EDITOR = "editor";

  /** The {@link Fields#VIEW} of the live revision's text. */
  static final String PUBLIC = "public";

  /** Stands for "no rights expiry", so that "still valid" is one range query. */
  static final long NEVER = Long.MAX_VALUE;

  private Documents() {}

  static String key(String id, String locale) {
    return id + "/" + locale;
  }

  static List<Document> of(EntrySnapshot entry) {
    List<Document> documents = new ArrayList<>(entry.translations().size());
    for (TranslationSnapshot t : entry.translations()) {
      Text working = Text.working(t);
      Text live = t.live() == null ? null : Text.live(t.live());
      if (live == null || t.servesLocales().isEmpty()) {
        documents.add(of(entry, t, working, List.of(EDITOR), t.status().code(), List.of()));
      } else if (live.equals(working)) {
        documents.add(
            of(entry, t, working, List.of(EDITOR, PUBLIC), t.status().code(), t.servesLocales()));
      } else {
        documents.add(of(entry, t, working, List.of(EDITOR), t.status().code(), List.of()));
        documents.add(
            of(
                entry,
                t,
                live,
                List.of(PUBLIC),
                TranslationStatus.PUBLISHED.code(),
                t.servesLocales()));
      }
    }
    return documents;
  }

  /** The searchable text of one revision of a translation. */
  private record Text(
      String title,
      String subtitle,
      String summary,
      String bodyText,
      List<String> keywords,
      String caption,
      String altText,
      String slug) {
    static Text working(TranslationSnapshot t) {
      return new Text(
          t.title(),
          t.subtitle(),
          t.summary(),
          t.bodyText(),
          t.keywords(),
          t.caption(),
          t.altText(),
          t.slug());
    }

    static Text live(TranslationSnapshot.Live t) {
      return new Text(
          t.title(),
          t.subtitle(),
          t.summary(),
          t.bodyText(),
          t.keywords(),
          t.caption(),
          t.altText(),
          t.slug());
    }
  }

  private static Document of(
      EntrySnapshot entry,
      TranslationSnapshot translation,
      Text t,
      List<String> views,
      String status,
      List<String> serves) {
    Document doc = new Document();
    String id = entry.id().toString();
    String locale = translation.locale();
    doc.add(new StringField(Fields.KEY, key(id, locale), Store.NO));
    doc.add(new StringField(Fields.ID, id, Store.YES));
    doc.add(new StringField(Fields.TENANT, entry.tenant(), Store.NO));
    facet(doc, Facet.TYPE, entry.type().code(), Store.YES);
    facet(doc, Facet.LOCALE, locale, Store.YES);
    facet(doc, Facet.STATUS, status, Store.YES);
    for (String view : views) {
      doc.add(new StringField(Fields.VIEW, view, Store.YES));
    }
    for (String served : serves) {
      doc.add(new StringField(Fields.SERVES, served, Store.NO));
    }
    if (entry.kind() != null) {
      facet(doc, Facet.KIND, entry.kind(), Store.NO);
    }
    for (TermRef term : entry.terms()) {
      Facet facet = Facet.of(term.kind());
      facet(doc, facet, term.code(), Store.YES);
      for (String ancestor : term.ancestors()) {
        facet(doc, facet, ancestor, Store.YES);
      }
    }
    if (entry.ocopStars() != null) {
      facet(doc, Facet.STARS, entry.ocopStars().toString(), Store.NO);
    }
    facet(doc, Facet.YEAR, Integer.toString(entry.date().getYear()), Store.NO);
    doc.add(new LongField(Fields.DATE, entry.date().toEpochDay(), Store.NO));
    Instant updated =
        translation.updatedAt().isAfter(entry.updatedAt())
            ? translation.updatedAt()
            : entry.updatedAt();
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
    for (EntrySnapshot.ShownMedia media : entry.publicMedia()) {
      long until = media.rightsExpireAt() == null ? NEVER : media.rightsExpireAt().toEpochMilli();
      if (media.channels().isEmpty()) {
        doc.add(new LongPoint(Fields.PUBLIC_MEDIA, until));
      }
      for (String channel : media.channels()) {
        doc.add(new LongPoint(Fields.PUBLIC_MEDIA + "." + channel, until));
      }
    }
    for (String channel : entry.channels()) {
      doc.add(new StringField(Fields.CHANNEL, channel, Store.NO));
    }
    if (entry.latitude() != null && entry.longitude() != null) {
      doc.add(new LatLonPoint(Fields.GEO, entry.latitude(), entry.longitude()));
      doc.add(new LatLonDocValuesField(Fields.GEO, entry.latitude(), entry.longitude()));
    }

    String title = t.title() == null ? "" : t.title();
    String shown = shownSummary(t);
    String tags = tags(entry, locale, t);
    String summary = shown.isEmpty() || tags.isEmpty() ? shown + tags : shown + SEPARATOR + tags;
    String body = t.bodyText() == null ? "" : t.bodyText();
    doc.add(new StoredField(Fields.STORED_TITLE, title));
    doc.add(new StoredField(Fields.STORED_SUMMARY, shown));
    doc.add(new StoredField(Fields.STORED_TAGS, tags));
    doc.add(new StoredField(Fields.STORED_BODY, body));
    if (t.slug() != null) {
      doc.add(new StoredField(Fields.STORED_SLUG, t.slug()));
    }
    if (translation.stale() != null && views.contains(EDITOR)) {
      doc.add(new StoredField(Fields.STORED_STALE, translation.stale().toString()));
    }
    doc.add(new TextField(Fields.SUGGEST, title, Store.NO));
    Family family = Family.of(locale);
    addText(doc, family, Part.TITLE, title);
    addText(doc, family, Part.SUMMARY, summary);
    addText(doc, family, Part.BODY, body);
    return doc;
  }

  /**
   * A facet value: a term to filter by, and a value of the one doc-values field all facets share,
   * so that counting eleven facets reads one doc-values field per matching document, not eleven.
   */
  private static void facet(Document doc, Facet facet, String value, Store store) {
    doc.add(new StringField(facet.field, value, store));
    doc.add(new SortedSetDocValuesField(Fields.FACETS, FacetCounts.encode(facet, value)));
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

  /** Between the pieces of the second-rank text: a line of its own each. */
  private static final String SEPARATOR = " \n ";

  /**
   * What a reader sees of the second-rank text: subtitle, summary, caption and alt text. Snippets
   * are cut from it; a snippet of keywords and taxonomy labels would read as a list of tags.
   */
  private static String shownSummary(Text t) {
    StringJoiner text = new StringJoiner(SEPARATOR);
    for (String part : new String[] {t.subtitle(), t.summary(), t.caption(), t.altText()}) {
      if (part != null && !part.isBlank()) {
        text.add(part);
      }
    }
    return text.toString();
  }

  /**
   * The rest of the second-rank text, searched with it but never shown: keywords, and the labels of
   * the entry's terms in this locale (so "chợ phiên" finds stories tagged with the markets topic).
   */
  private static String tags(EntrySnapshot entry, String locale, Text t) {
    StringJoiner text = new StringJoiner(SEPARATOR);
    if (t.keywords() != null) {
      t.keywords().forEach(text::add);
    }
    Set<String> labels = new LinkedHashSet<>();
    for (TermRef term : entry.terms()) {
      String label = term.labels().get(locale);
      if (label != null) {
        labels.add(label);
      }
    }
    labels.forEach(text::add);
    return text.toString();
  }
}
