package vn.storybank.core.entry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a translation stands. The workflow issue adds review states between draft and published.
 */
public enum TranslationStatus {
  DRAFT,
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
