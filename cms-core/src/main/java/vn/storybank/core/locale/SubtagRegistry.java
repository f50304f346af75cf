package vn.storybank.core.locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The IANA Language Subtag Registry, reduced to what validation needs: which subtags exist, their
 * preferred values and the prefixes of variants and extended languages.
 *
 * <p>The file is {@code language-subtag-registry.json} next to this class: IANA's registry as the
 * npm package {@code language-subtag-registry} (CC0, version 0.4.2) converts it to JSON, one object
 * per record with the registry's own field names; {@code language-subtag-registry-meta.json} holds
 * its {@code File-Date}. To update, take {@code data/json/registry.json} and {@code meta.json} from
 * a newer version of that package and replace both files (docs/ARCHITECTURE.md, "Locales").
 */
final class SubtagRegistry {
  private static final String FILE = "language-subtag-registry.json";
  private static final String META = "language-subtag-registry-meta.json";

  /** One record: its canonical spelling, Preferred-Value (or null) and Prefix fields. */
  record Entry(String spelling, String preferred, List<String> prefixes) {}

  private final String fileDate;
  private final Map<String, Map<String, Entry>> byType;

  private SubtagRegistry(String fileDate, Map<String, Map<String, Entry>> byType) {
    this.fileDate = fileDate;
    this.byType = byType;
  }

  /** The registry's File-Date, such as 2025-08-25. */
  String fileDate() {
    return fileDate;
  }

  /**
   * The record of a subtag (or of a whole tag for the grandfathered and redundant types), or null.
   *
   * @param type as the registry spells it: language, extlang, script, region, variant,
   *     grandfathered, redundant
   */
  Entry find(String type, String subtagOrTag) {
    Map<String, Entry> entries = byType.get(type);
    return entries == null ? null : entries.get(subtagOrTag.toLowerCase(Locale.ROOT));
  }

  static SubtagRegistry load() {
    try {
      return new SubtagRegistry(readFileDate(), readRecords());
    } catch (IOException e) {
      throw new UncheckedIOException("The language subtag registry in the jar cannot be read", e);
    }
  }

  private static String readFileDate() throws IOException {
    try (InputStream in = open(META);
        JsonParser p = new JsonFactory().createParser(in)) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && "File-Date".equals(p.currentName())) {
          return p.nextTextValue();
        }
      }
    }
    throw new IllegalStateException(META + " has no File-Date");
  }

  /** Streams the array of records: a tree of the whole file would be several times its size. */
  private static Map<String, Map<String, Entry>> readRecords() throws IOException {
    Map<String, Map<String, Entry>> byType = new HashMap<>();
    try (InputStream in = open(FILE);
        JsonParser p = new JsonFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalStateException(FILE + " is not an array of records");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        String type = null;
        String subtag = null;
        String preferred = null;
        List<String> prefixes = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          p.nextToken();
          switch (field) {
            case "Type" -> type = p.getText();
            case "Subtag", "Tag" -> subtag = p.getText();
            case "Preferred-Value" -> preferred = p.getText();
            case "Prefix" -> prefixes = strings(p);
            default -> p.skipChildren();
          }
        }
        if (type != null && subtag != null) {
          Map<String, Entry> entries = byType.computeIfAbsent(type, t -> new HashMap<>());
          for (String one : expand(subtag)) {
            entries.put(one.toLowerCase(Locale.ROOT), new Entry(one, preferred, prefixes));
          }
        }
      }
    }
    return byType;
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = SubtagRegistry.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is missing from the jar");
    }
    return in;
  }

  private static List<String> strings(JsonParser p) throws IOException {
    List<String> values = new ArrayList<>();
    if (p.currentToken() == JsonToken.START_ARRAY) {
      while (p.nextToken() != JsonToken.END_ARRAY) {
        values.add(p.getText());
      }
    } else {
      values.add(p.getText());
    }
    return List.copyOf(values);
  }

  /**
   * The subtags of a range such as {@code qaa..qtz} (private use), each spelled like the range's
   * ends; a plain subtag is itself.
   */
  static List<String> expand(String subtag) {
    int dots = subtag.indexOf("..");
    if (dots < 0) {
      return List.of(subtag);
    }
    char[] from = subtag.substring(0, dots).toCharArray();
    String to = subtag.substring(dots + 2);
    List<String> all = new ArrayList<>();
    while (true) {
      String current = new String(from);
      all.add(current);
      if (current.equalsIgnoreCase(to)) {
        return all;
      }
      increment(from, to.toCharArray());
    }
  }

  /** The next subtag after {@code s} in a range whose last subtag is {@code to}. */
  private static void increment(char[] s, char[] to) {
    for (int i = s.length - 1; i >= 0; i--) {
      char limit = Character.isUpperCase(s[i]) ? 'Z' : Character.isDigit(s[i]) ? '9' : 'z';
      if (s[i] < limit) {
        s[i]++;
        return;
      }
      s[i] = Character.isUpperCase(s[i]) ? 'A' : Character.isDigit(s[i]) ? '0' : 'a';
    }
    throw new IllegalStateException(
        "A registry range ran past its end " + new String(to) + ": " + Arrays.toString(s));
  }
}
