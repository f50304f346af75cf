package vn.storybank.search;

/** Field names of the index, in one place. */
final class Fields {
  static final String KEY = "key";
  static final String ID = "id";
  static final String TENANT = "tenant";
  static final String TYPE = "type";
  static final String LOCALE = "locale";
  static final String STATUS = "status";
  static final String SERVES = "serves";

  /** Whose text a document holds: {@link Documents#EDITOR}, {@link Documents#PUBLIC}, or both. */
  static final String VIEW = "view";

  static final String KIND = "kind";
  static final String PILLAR = "pillar";
  static final String TOPIC = "topic";
  static final String PLACE = "place";
  static final String ETHNIC_GROUP = "ethnicGroup";
  static final String MARKET = "market";
  static final String STARS = "stars";
  static final String YEAR = "year";
  static final String DATE = "date";
  static final String UPDATED = "updated";
  static final String RIGHTS_EXPIRE = "rightsExpire";
  static final String RIGHTS_BLOCKED = "rightsBlocked";
  static final String HAS_MEDIA = "hasMedia";

  /**
   * Media the public sees with the entry, as points holding when each one's rights end: in this
   * field when its licence allows every channel, in {@code PUBLIC_MEDIA + "." + code} for each
   * channel it is restricted to (see {@link Scopes}).
   */
  static final String PUBLIC_MEDIA = "publicMedia";

  static final String CHANNEL = "channel";
  static final String GEO = "geo";
  static final String SUGGEST = "suggest";

  /** The doc values of every facet, as {@link FacetCounts#encode encoded} values. */
  static final String FACETS = "facets";

  static final String STORED_TITLE = "s.title";
  static final String STORED_SUMMARY = "s.summary";

  /** Keywords and term labels: searched with the summary, read only to find related entries. */
  static final String STORED_TAGS = "s.tags";

  static final String STORED_BODY = "s.body";
  static final String STORED_SLUG = "s.slug";

  /** Editor documents of translations (not the source): whether they are behind the source. */
  static final String STORED_STALE = "s.stale";

  /** The parts of a text, most important first. */
  enum Part {
    TITLE("title", 3.0f),
    SUMMARY("summary", 1.5f),
    BODY("body", 1.0f);

    final String name;
    final float boost;

    Part(String name, float boost) {
      this.name = name;
      this.boost = boost;
    }
  }

  /** The analysed variants of a syllabic family's text. */
  enum Variant {
    EXACT("", 2.0f),
    FOLDED(".f", 1.0f),
    SHINGLES(".sh", 1.5f);

    final String suffix;
    final float boost;

    Variant(String suffix, float boost) {
      this.suffix = suffix;
      this.boost = boost;
    }
  }

  private Fields() {}

  static String text(Part part, Family family, Variant variant) {
    return part.name + "." + family.code + (family.syllabic ? variant.suffix : "");
  }

  /**
   * Whether a part has this variant. Bodies have no exact field: they hold most of the words, the
   * exact spelling is a ranking signal that counts in titles and summaries, and leaving it out of
   * bodies saves a third of the Vietnamese indexing work and index size. Nor do bodies have pairs:
   * a body's pairs were a fifth of the indexing work (most of them rare, so each a new entry in the
   * writer's term hash) and a tenth of the index; the syllables of one word standing together in a
   * body are rewarded from the body's positions instead, for the best hits only (see {@link
   * TextQueries#bodyAdjacency}).
   */
  static boolean has(Part part, Family family, Variant variant) {
    return !family.syllabic || part != Part.BODY || variant == Variant.FOLDED;
  }
}
