package vn.storybank.search;

import java.util.Locale;

/**
 * The analysis families. Each locale is analysed by one; text fields are named by family, so a
 * query can be analysed once per family and a field never mixes two analyses.
 */
enum Family {
  /** Vietnamese: exact (diacritics kept) + folded + syllable shingles. */
  VI("vi", true),
  /** English: stemming and stop words. */
  EN("en", false),
  /** Simplified Chinese: SmartChinese word segmentation. */
  ZH("zh", false),
  /** Korean: Nori morphological analysis. */
  KO("ko", false),
  /** Japanese: Kuromoji morphological analysis. */
  JA("ja", false),
  /**
   * Every other locale (H'Mông, Dao, Tày, Thái, Tai Viet script, French…): Unicode word breaking
   * with the same exact + folded + shingle fields as Vietnamese; no stemming, no stop words,
   * because tone letters and particles carry meaning in these orthographies.
   */
  OTHER("x", true);

  final String code;

  /** Whether the family has exact, folded and shingle fields rather than one analysed field. */
  final boolean syllabic;

  Family(String code, boolean syllabic) {
    this.code = code;
    this.syllabic = syllabic;
  }

  static Family of(String languageTag) {
    String language = languageTag.toLowerCase(Locale.ROOT);
    int dash = language.indexOf('-');
    if (dash > 0) {
      language = language.substring(0, dash);
    }
    return switch (language) {
      case "vi" -> VI;
      case "en" -> EN;
      case "zh" -> ZH;
      case "ko" -> KO;
      case "ja" -> JA;
      default -> OTHER;
    };
  }
}
