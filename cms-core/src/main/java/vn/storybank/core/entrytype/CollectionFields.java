package vn.storybank.core.entrytype;

import java.util.Map;

/** A curated collection's own delivered field: what it is for. */
public record CollectionFields(String purpose) implements TypeFields {
  @Override
  public Map<String, Object> json() {
    return new JsonFields().put("purpose", purpose).map();
  }
}
