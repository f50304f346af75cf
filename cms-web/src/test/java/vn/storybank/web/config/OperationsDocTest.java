package vn.storybank.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/OPERATIONS.md's settings table says what SettingsRegistry declares: the same keys in the
 * same order, each with its environment variable, default, allowed values and meaning. On drift it
 * fails with the rows as they should read, and writes the whole table to target/settings-table.md
 * to paste over the old one.
 */
class OperationsDocTest {
  private static final Path DOC = Path.of("..", "docs", "OPERATIONS.md");
  private static final String HEADER = "| key | environment | default | values | meaning |";

  /** deploy/run's own variable: not a MicroProfile Config key, so not in the registry. */
  private static final String JAVA_OPTS_ROW =
      "| — | `CMS_JAVA_OPTS` | `-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms192m -Xmx512m"
          + " -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40"
          + " -Djdk.nio.maxCachedBufferSize=262144` | — | JVM options used by `deploy/run` |";

  /** deploy/run's too: the log's format is chosen before the application starts. */
  private static final String LOG_FORMAT_ROW =
      "| — | `CMS_LOG_FORMAT` | `text` | `text`, `json` | the server log's format in `deploy/run`:"
          + " `json` writes one JSON object a line (deploy/logging-json.properties; see \"Logs\") |";

  @Test
  void theSettingsTableMatchesTheRegistry() throws IOException {
    List<String> expected = new ArrayList<>(List.of(HEADER, "|---|---|---|---|---|"));
    SettingsRegistry.ALL.forEach(setting -> expected.add(row(setting)));
    expected.add(JAVA_OPTS_ROW);
    expected.add(LOG_FORMAT_ROW);
    Files.writeString(Path.of("target", "settings-table.md"), String.join("\n", expected) + "\n");

    List<String> documented = table(Files.readAllLines(DOC, StandardCharsets.UTF_8));
    Map<String, String> wanted = byKey(expected);
    Map<String, String> found = byKey(documented);
    List<String> drift = new ArrayList<>();
    wanted.forEach(
        (key, row) -> {
          if (!row.equals(found.get(key))) {
            drift.add(
                found.containsKey(key)
                    ? "differs: " + row + "\n  the doc: " + found.get(key)
                    : "missing: " + row);
          }
        });
    found.keySet().stream()
        .filter(key -> !wanted.containsKey(key))
        .forEach(key -> drift.add("not a setting: " + found.get(key)));
    if (!drift.isEmpty()) {
      fail(
          "docs/OPERATIONS.md's settings table has drifted from SettingsRegistry (the table as it"
              + " should be is in target/settings-table.md):\n"
              + String.join("\n", drift));
    }
    assertEquals(expected, documented, "the rows' order (target/settings-table.md has it)");
  }

  private static String row(Setting<?> setting) {
    return "| `"
        + setting.key()
        + "` | `"
        + setting.environmentVariable()
        + "` | "
        + setting.documentedDefault()
        + " | "
        + setting.allowed()
        + " | "
        + setting.meaning()
        + " |";
  }

  /** The table of the "## Settings" section: its lines from the header to the first non-row. */
  private static List<String> table(List<String> lines) {
    int section = lines.indexOf("## Settings");
    int start = lines.subList(section, lines.size()).indexOf(HEADER);
    if (section < 0 || start < 0) {
      fail("docs/OPERATIONS.md has no \"## Settings\" section with the header " + HEADER);
    }
    List<String> table = new ArrayList<>();
    for (String line : lines.subList(section + start, lines.size())) {
      if (!line.startsWith("|")) {
        break;
      }
      table.add(line);
    }
    return table;
  }

  /** Rows by their first two cells (key and environment variable). */
  private static Map<String, String> byKey(List<String> rows) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String row : rows.subList(2, rows.size())) {
      String[] cells = row.split(" \\| ", 3);
      byKey.put(cells[0] + " " + cells[1], row);
    }
    return byKey;
  }
}
