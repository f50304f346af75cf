package vn.storybank.web.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Reads {@code storybank.properties} from the data directory. Its ordinal (150) is below
 * environment variables (300) and system properties (400), so those override the file.
 */
public final class DataDirConfigSource implements ConfigSource {
  static final String FILE = "storybank.properties";
  private final Map<String, String> properties = new HashMap<>();

  public DataDirConfigSource() {
    // Read by hand: this source is part of the configuration, so it cannot ask the configuration.
    Setting<Path> dataDir = SettingsRegistry.DATA_DIR;
    String dir = System.getProperty(dataDir.key(), System.getenv(dataDir.environmentVariable()));
    Path file = (dir == null ? dataDir.defaultValue() : Path.of(dir)).resolve(FILE);
    if (Files.isRegularFile(file)) {
      Properties loaded = new Properties();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        loaded.load(reader);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
      }
      loaded.forEach((k, v) -> properties.put(k.toString(), v.toString()));
    }
  }

  @Override
  public Set<String> getPropertyNames() {
    return properties.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return properties.get(propertyName);
  }

  @Override
  public String getName() {
    return "storybank.properties in the data directory";
  }

  @Override
  public int getOrdinal() {
    return 150;
  }
}
