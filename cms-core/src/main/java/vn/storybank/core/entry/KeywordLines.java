package vn.storybank.core.entry;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** Keywords kept one per line in one column; no keywords is a null column, as it always was. */
@Converter
final class KeywordLines implements AttributeConverter<List<String>, String> {
  @Override
  public String convertToDatabaseColumn(List<String> keywords) {
    return join(keywords);
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    return column == null ? List.of() : List.of(column.split("\n"));
  }

  static String join(List<String> keywords) {
    return keywords == null || keywords.isEmpty() ? null : String.join("\n", keywords);
  }
}
