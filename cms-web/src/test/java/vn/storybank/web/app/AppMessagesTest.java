package vn.storybank.web.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text the app shows exists in Vietnamese and in English. */
class AppMessagesTest {
  static final Path APP = Path.of("src/main/webapp/app");
  // t('key') or t('key', {...}) with a whole literal key; keys built at run time (t('status.' + s))
  // are checked by the two files' parity alone.
  static final Pattern LITERAL_KEY =
      Pattern.compile("\\bt\\(\\s*['\"]([a-zA-Z0-9_.-]+)['\"]\\s*[,)]");

  @Test
  void bothLanguagesHaveTheSameKeys() {
    Set<String> vi = keys("vi");
    Set<String> en = keys("en");
    assertEquals(new TreeSet<>(vi), new TreeSet<>(en), "vi.json and en.json name the same texts");
  }

  @Test
  void everyTextTheScreensAskForExists() throws IOException {
    Set<String> known = keys("vi");
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> files = Files.walk(APP)) {
      for (Path js : files.filter(p -> p.toString().endsWith(".js")).toList()) {
        Matcher m = LITERAL_KEY.matcher(Files.readString(js));
        while (m.find()) {
          if (!known.contains(m.group(1))) {
            missing.add(APP.relativize(js) + ": " + m.group(1));
          }
        }
      }
    }
    assertEquals(Set.of(), missing, "texts asked for by the screens but absent from vi.json");
  }

  private static Set<String> keys(String language) {
    try {
      JsonNode messages =
          new ObjectMapper().readTree(APP.resolve("i18n/" + language + ".json").toFile());
      Set<String> keys = new TreeSet<>();
      messages.fieldNames().forEachRemaining(keys::add);
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
