package vn.storybank.web.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.storybank.web.MainSources;

/**
 * A message that names a setting (a refusal an operator can lift, a limit they can raise) names it
 * in both spellings, since some configure the server with properties and others with the
 * environment: wherever the code spells a key in a string, its environment variable follows within
 * the same message. Code of cms-web says it with {@link Setting#named()}.
 */
class SettingMessagesTest {
  private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

  /** How far after the key, in source characters, the message may go on to name the variable. */
  private static final int REACH = 300;

  @Test
  void everyKeyAMessageNamesComesWithItsEnvironmentVariable() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : MainSources.javaFiles()) {
      // The registry and the configuration sources are where keys are defined and read.
      if (file.getParent().endsWith(Path.of("web", "config"))) {
        continue;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Matcher literal = LITERAL.matcher(text);
      while (literal.find()) {
        for (Setting<?> setting : SettingsRegistry.ALL) {
          if (literal.group().contains(setting.key())) {
            String after =
                text.substring(literal.start(), Math.min(text.length(), literal.start() + REACH));
            if (!after.contains(setting.environmentVariable())) {
              found.add(file.getFileName() + ": " + setting.key());
            }
          }
        }
      }
    }
    assertTrue(found.isEmpty(), "named without the environment variable: " + found);
  }
}
