package vn.storybank.search;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import vn.storybank.core.error.Violations;
import vn.storybank.core.locale.LanguageTags;
import vn.storybank.core.snapshot.TenantSnapshot;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.taxonomy.TermView;
import vn.storybank.core.tenant.TenantView;
import vn.storybank.search.SearchRequest.Audience;

/**
 * What a search may see: a tenant's settings, terms and public channels (cached until the follower
 * applies a tenant, term or channel change), the locale it is for, the analysis families to query,
 * and the filters that keep an audience to its documents.
 */
final class Scopes {
  private static final long MINUTE = 60_000;
  private final SearchIndex index;
  private final Clock clock;
  private final Map<String, TenantTerms> tenants = new ConcurrentHashMap<>();

  Scopes(SearchIndex index, Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  /**
   * The filters of a request: tenant, audience, locale, rights (and, for the public, allowed
   * channels), dates, places and media.
   */
  List<Query> filters(SearchRequest request, String locale) {
    List<Query> scope = new ArrayList<>();
    scope.add(new TermQuery(new Term(Fields.TENANT, request.tenant())));
    if (request.audience() == Audience.PUBLIC) {
      // Only documents holding a live revision's text serve a locale: drafts, edits awaiting
      // review and embargoed translations are invisible here by construction.
      scope.add(new TermQuery(new Term(Fields.SERVES, locale)));
    } else {
      scope.add(new TermQuery(new Term(Fields.VIEW, Documents.EDITOR)));
      if (locale != null) {
        scope.add(Keywords.exact(Fields.LOCALE, locale));
      }
    }
    if (request.audience() == Audience.PUBLIC || request.rightsValid()) {
      scope.add(rightsValid());
    }
    if (request.audience() == Audience.PUBLIC) {
      scope.add(plainUrl(tenant(request.tenant()).publicChannels()));
    }
    List<Query> filters = new ArrayList<>();
    filters.add(new ScopeFilter(scope));
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
      Query hasMedia =
          request.audience() == Audience.PUBLIC
              ? showsMedia(tenant(request.tenant()).publicChannels())
              : new TermQuery(new Term(Fields.HAS_MEDIA, "true"));
      filters.add(request.hasMedia() ? hasMedia : not(hasMedia));
    }
    return filters;
  }

  /**
   * Media whose licence has not ended and which show no one without consent, written as "not
   * expired, not blocked": both clauses match only the few restricted documents. "Ended" counts
   * from the start of the next minute, so that the filter stays the same query (and its cached bits
   * stay in use) for a minute; a licence ending within that minute hides its media a little early,
   * never late.
   */
  private Query rightsValid() {
    long nextMinute = (Math.floorDiv(clock.millis(), MINUTE) + 1) * MINUTE;
    return new BooleanQuery.Builder()
        .add(new MatchAllDocsQuery(), Occur.FILTER)
        .add(
            LongField.newRangeQuery(Fields.RIGHTS_EXPIRE, Long.MIN_VALUE, nextMinute),
            Occur.MUST_NOT)
        .add(new TermQuery(new Term(Fields.RIGHTS_BLOCKED, "true")), Occur.MUST_NOT)
        .build();
  }

  /**
   * Media the public may open by plain URL, as the delivery API decides for its items and files:
   * not restricted to channels, or allowed in one that is public. An asset licensed to partner
   * channels only is never a public hit, nor counted in a facet. Written as "not (restricted and in
   * no public channel)", so that only the few restricted documents are looked at.
   */
  private static Query plainUrl(Set<String> publicChannels) {
    BooleanQuery.Builder hidden =
        new BooleanQuery.Builder().add(new PrefixQuery(new Term(Fields.CHANNEL, "")), Occur.FILTER);
    publicChannels.stream()
        .sorted()
        .forEach(code -> hidden.add(new TermQuery(new Term(Fields.CHANNEL, code)), Occur.MUST_NOT));
    return not(hidden.build());
  }

  /**
   * Entries that show the public some media: one whose rights hold (past the next minute, as {@link
   * #rightsValid}) and which is unrestricted or allowed in a public channel — what the delivery API
   * embeds in the plain item. Linking to a draft, expired or partner-only asset does not count.
   */
  private Query showsMedia(Set<String> publicChannels) {
    long valid = (Math.floorDiv(clock.millis(), MINUTE) + 1) * MINUTE + 1;
    BooleanQuery.Builder shows =
        new BooleanQuery.Builder()
            .add(
                LongPoint.newRangeQuery(Fields.PUBLIC_MEDIA, valid, Documents.NEVER), Occur.SHOULD);
    publicChannels.stream()
        .sorted()
        .forEach(
            code ->
                shows.add(
                    LongPoint.newRangeQuery(
                        Fields.PUBLIC_MEDIA + "." + code, valid, Documents.NEVER),
                    Occur.SHOULD));
    return shows.build();
  }

  private static Query not(Query query) {
    return new BooleanQuery.Builder()
        .add(new MatchAllDocsQuery(), Occur.FILTER)
        .add(query, Occur.MUST_NOT)
        .build();
  }

  /** The locale a request is for; public requests default to the source locale. */
  String locale(TenantView tenant, Audience audience, String requested, Violations violations) {
    if (requested == null || requested.isBlank()) {
      return audience == Audience.PUBLIC ? tenant.sourceLocale() : null;
    }
    for (var locale : tenant.locales()) {
      if (locale.tag().equalsIgnoreCase(requested)) {
        return locale.tag();
      }
    }
    LanguageTags.Checked checked = LanguageTags.check(requested);
    if (!checked.valid()) {
      violations.add("locale", checked.problem());
      return null;
    }
    for (var locale : tenant.locales()) {
      if (locale.tag().equals(checked.tag())) {
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

  /** The families of every locale of the tenant. */
  static Set<Family> allFamilies(TenantView tenant) {
    Set<Family> families = families(tenant.locales().stream().map(l -> l.tag()).toList());
    families.add(Family.of(tenant.sourceLocale()));
    return families;
  }

  /** The families of these locales' texts. */
  static Set<Family> families(Collection<String> locales) {
    Set<Family> families = EnumSet.noneOf(Family.class);
    locales.forEach(l -> families.add(Family.of(l)));
    return families;
  }

  static List<String> labelLocales(TenantView tenant, String locale) {
    return tenant.fallbackChain(locale == null ? tenant.sourceLocale() : locale);
  }

  static String label(TermView term, List<String> locales) {
    for (String locale : locales) {
      String label = term.labels().get(locale);
      if (label != null) {
        return label;
      }
    }
    return term.code();
  }

  /** A tenant's settings and terms, reloaded when the index has applied a term or tenant change. */
  TenantTerms tenant(String code) {
    long version = index.taxonomyVersion();
    TenantTerms cached = tenants.get(code);
    if (cached != null && cached.version == version) {
      return cached;
    }
    TenantSnapshot tenant = index.snapshots().tenant(code);
    Map<TermKind, Map<String, TermView>> byKind = new EnumMap<>(TermKind.class);
    for (TermKind kind : TermKind.values()) {
      Map<String, TermView> byCode = new HashMap<>();
      tenant.terms().getOrDefault(kind, List.of()).forEach(t -> byCode.put(t.code(), t));
      byKind.put(kind, byCode);
    }
    TenantTerms loaded = new TenantTerms(version, tenant.tenant(), byKind, tenant.publicChannels());
    tenants.put(code, loaded);
    return loaded;
  }

  /**
   * @param publicChannels the codes of the tenant's public channels (see {@link #plainUrl})
   */
  record TenantTerms(
      long version,
      TenantView view,
      Map<TermKind, Map<String, TermView>> byKind,
      Set<String> publicChannels) {
    TermView term(TermKind kind, String code) {
      return byKind.get(kind).get(code);
    }

    List<TermView> all() {
      return byKind.values().stream().flatMap(m -> m.values().stream()).toList();
    }
  }
}
