package vn.storybank.core.transfer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.Json;
import vn.storybank.core.json.JsonInputs;

/**
 * One NDJSON line of an import: its number, JSON, type and, for entries, id (generated when the
 * line has none). A line that cannot be parsed carries the reason instead of JSON.
 */
record ImportLine(int number, JsonNode json, String type, UUID id, StorybankException error) {

  boolean isEntry() {
    return id != null;
  }

  /** Parses a line; null for a blank one. */
  static ImportLine parse(NdjsonLines.Line read) {
    int number = read.number();
    if (read.error() != null) {
      return failed(number, null, StorybankException.invalid("line", read.error()));
    }
    String raw = read.text();
    if (raw.isBlank()) {
      return null;
    }
    JsonNode json;
    try {
      json = TransferService.parse(raw);
    } catch (JsonProcessingException e) {
      return failed(number, null, JsonInputs.invalid(e));
    } catch (IOException e) {
      return failed(
          number, null, StorybankException.invalid("line", "cannot be read: " + e.getMessage()));
    }
    if (!json.isObject() || !json.path("type").isTextual()) {
      return failed(
          number,
          null,
          StorybankException.invalid("type", "each line must be a JSON object with a \"type\""));
    }
    String type = json.get("type").asText();
    UUID id = null;
    if (!type.equals("tenant") && !type.equals("term")) {
      try {
        id = json.hasNonNull("id") ? UUID.fromString(json.get("id").asText()) : UUID.randomUUID();
      } catch (IllegalArgumentException e) {
        return failed(
            number,
            type,
            StorybankException.invalid("id", "'" + json.get("id").asText() + "' is not a UUID"));
      }
    }
    return new ImportLine(number, json, type, id, null);
  }

  /**
   * Reads only the line's top-level "type" and "id", skipping the rest unbuilt: the first pass
   * built every line's whole tree (long bodies in three locales) to keep two strings.
   */
  private static void declare(String text, Map<UUID, EntryType> declared) throws IOException {
    String type = null;
    String id = null;
    try (JsonParser parser = Json.mapper().getFactory().createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING && field.equals("type")) {
          type = parser.getText();
        } else if (value == JsonToken.VALUE_STRING && field.equals("id")) {
          id = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
    }
    EntryType entryType = type == null ? null : EntryType.ofCodeOrNull(type);
    if (entryType != null && id != null) {
      declared.put(UUID.fromString(id), entryType);
    }
  }

  private static ImportLine failed(int number, String type, StorybankException error) {
    return new ImportLine(number, null, type, null, error);
  }

  /**
   * The entries a file declares (id and type), read in a first pass so that links to entries
   * further down are accepted. Lines that do not parse are left to the second pass to report.
   */
  static Map<UUID, EntryType> declaredEntries(Path file) throws IOException {
    Map<UUID, EntryType> declared = new HashMap<>();
    try (NdjsonLines reader = new NdjsonLines(file)) {
      NdjsonLines.Line line;
      while ((line = reader.next()) != null) {
        if (line.error() != null || line.text().isBlank()) {
          continue;
        }
        try {
          declare(line.text(), declared);
        } catch (IOException | IllegalArgumentException e) {
          // Reported by the second pass, with its line number.
        }
      }
    }
    return declared;
  }
}
