package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * README.md's "A five-minute tour": the {@code sh} block under that heading, as ReadmeTourTest
 * checks it and ReadmeTourIT runs it.
 */
final class ReadmeTour {
  private static final Path README = Path.of("..", "README.md");
  private static final String HEADING = "## A five-minute tour";
  static final Pattern STARTS_SERVER = Pattern.compile("^\\s*deploy/run\\b.*$");
  static final Pattern CURL = Pattern.compile("\\bcurl\\b");
  private static final Pattern FAILS_ON_HTTP_ERROR =
      Pattern.compile("(^|\\s)(-[a-zA-Z]*f[a-zA-Z]*|--fail(-with-body)?)(\\s|$)");

  private ReadmeTour() {}

  /** The lines of the tour's sh block, with the README line number of the first. */
  record Block(List<String> lines, int firstLine) {
    String joined() {
      return String.join("\n", lines);
    }

    /** The block with the lines that start the server made no-ops (line numbers kept). */
    String runnable() {
      StringBuilder script = new StringBuilder();
      for (String line : lines) {
        script
            .append(
                STARTS_SERVER.matcher(line).matches() ? ": # the test's server runs instead" : line)
            .append('\n');
      }
      return script.toString();
    }
  }

  static Block block() throws IOException {
    List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8);
    int heading = readme.indexOf(HEADING);
    assertTrue(heading >= 0, "README.md has the heading " + HEADING);
    int open = heading + 1;
    while (open < readme.size() && !readme.get(open).equals("```sh")) {
      open++;
    }
    int close = open + 1;
    while (close < readme.size() && !readme.get(close).equals("```")) {
      close++;
    }
    assertTrue(close < readme.size(), "the tour's ```sh block is closed");
    return new Block(new ArrayList<>(readme.subList(open + 1, close)), open + 2);
  }

  /**
   * The curl commands that would answer an HTTP error without failing: those that neither fail on
   * it ({@code -f}) nor print their status with {@code -w} into a {@code grep} that expects one.
   */
  static List<String> curlsThatIgnoreHttpErrors(String block) {
    List<String> lax = new ArrayList<>();
    // A command continued with a backslash is one line; each curl's text runs to the next curl.
    for (String line : block.replace("\\\n", " ").split("\n")) {
      String[] commands = CURL.split(line, -1);
      for (int i = 1; i < commands.length; i++) {
        String command = commands[i];
        boolean fails = FAILS_ON_HTTP_ERROR.matcher(command).find();
        boolean checksStatus = command.contains("%{http_code}") && command.contains("| grep");
        if (!fails && !checksStatus) {
          lax.add("curl" + command);
        }
      }
    }
    return lax;
  }
}
