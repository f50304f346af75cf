package vn.storybank.core.entry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a translation's working revision stands in review: draft → in review → approved →
 * published, archived once taken down; any edit makes it a draft again. What readers see is the
 * live revision, which only publishing changes.
 */
public enum TranslationStatus {
  DRAFT,
  IN_REVIEW,
  APPROVED,
  PUBLISHED,
  ARCHIVED;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static TranslationStatus ofCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
