package vn.storybank.core.entrytype;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a {@link TypeFields#json()} map: the fields in order, nulls left out. */
final class JsonFields {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  JsonFields put(String name, Object value) {
    if (value != null) {
      fields.put(name, value);
    }
    return this;
  }

  Map<String, Object> map() {
    return fields;
  }
}
