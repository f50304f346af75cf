package vn.storybank.core.entrytype;

import java.time.LocalDate;
import java.util.Map;

/** A story's own delivered fields. */
public record StoryFields(LocalDate eventDate, String credit, String source) implements TypeFields {
  @Override
  public Map<String, Object> json() {
    return new JsonFields()
        .put("eventDate", eventDate)
        .put("credit", credit)
        .put("source", source)
        .map();
  }
}
