package vn.storybank.web.config;

import static vn.storybank.web.config.SettingsRegistry.ADMIN_PASSWORD;
import static vn.storybank.web.config.SettingsRegistry.BLOB_STORE;
import static vn.storybank.web.config.SettingsRegistry.DATA_DIR;
import static vn.storybank.web.config.SettingsRegistry.DB_PASSWORD;
import static vn.storybank.web.config.SettingsRegistry.DB_POOL_SIZE;
import static vn.storybank.web.config.SettingsRegistry.DB_URL;
import static vn.storybank.web.config.SettingsRegistry.DB_USER;
import static vn.storybank.web.config.SettingsRegistry.DELIVERY_CACHE_ENTRIES;
import static vn.storybank.web.config.SettingsRegistry.DELIVERY_MAX_AGE;
import static vn.storybank.web.config.SettingsRegistry.DEMO_CONTENT;
import static vn.storybank.web.config.SettingsRegistry.HTTP_PORT;
import static vn.storybank.web.config.SettingsRegistry.LIST_CACHE_MIB;
import static vn.storybank.web.config.SettingsRegistry.MAX_BODY_BYTES;
import static vn.storybank.web.config.SettingsRegistry.MAX_IMPORT_BYTES;
import static vn.storybank.web.config.SettingsRegistry.MEDIA_JPEG_PROGRESSIVE;
import static vn.storybank.web.config.SettingsRegistry.MEDIA_JPEG_QUALITY;
import static vn.storybank.web.config.SettingsRegistry.MEDIA_MAX_IMAGE_BYTES;
import static vn.storybank.web.config.SettingsRegistry.MEDIA_MAX_PIXELS;
import static vn.storybank.web.config.SettingsRegistry.MEDIA_MAX_VIDEO_BYTES;
import static vn.storybank.web.config.SettingsRegistry.MEDIA_SIGNED_URL_HOURS;
import static vn.storybank.web.config.SettingsRegistry.MEDIA_URL_SECRET;
import static vn.storybank.web.config.SettingsRegistry.METRICS_TOKEN;
import static vn.storybank.web.config.SettingsRegistry.PUBLIC_URL;
import static vn.storybank.web.config.SettingsRegistry.S3_ACCESS_KEY;
import static vn.storybank.web.config.SettingsRegistry.S3_BUCKET;
import static vn.storybank.web.config.SettingsRegistry.S3_ENDPOINT;
import static vn.storybank.web.config.SettingsRegistry.S3_REGION;
import static vn.storybank.web.config.SettingsRegistry.S3_SECRET_KEY;
import static vn.storybank.web.config.SettingsRegistry.SCHEDULER_INTERVAL_SECONDS;
import static vn.storybank.web.config.SettingsRegistry.SEARCH_COMMIT_MS;
import static vn.storybank.web.config.SettingsRegistry.SEARCH_DIR;
import static vn.storybank.web.config.SettingsRegistry.SEARCH_POLL_MS;
import static vn.storybank.web.config.SettingsRegistry.SEARCH_QUERY_THREADS;
import static vn.storybank.web.config.SettingsRegistry.SEARCH_RAM_BUFFER_MB;
import static vn.storybank.web.config.SettingsRegistry.SEARCH_REBUILD_THREADS;
import static vn.storybank.web.config.SettingsRegistry.WEBHOOKS_ALLOW_PRIVATE;
import static vn.storybank.web.config.SettingsRegistry.WEBHOOKS_POLL_MS;
import static vn.storybank.web.config.SettingsRegistry.WEBHOOKS_TIMEOUT_MS;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import vn.storybank.core.media.BlobStores;
import vn.storybank.core.media.MediaSettings;
import vn.storybank.core.media.S3Settings;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.webhook.WebhookSettings;
import vn.storybank.search.SearchSettings;

/**
 * The configuration Storybank runs with: every key of {@link SettingsRegistry}, read and checked
 * once, when this is made. Any invalid value stops the start with one message naming them all, so
 * that an operator fixes them in one go rather than one per restart.
 */
public final class Settings {
  private final Map<Setting<?>, Object> values = new HashMap<>();

  /**
   * @throws IllegalStateException "Storybank cannot start: " and every invalid key with its value
   *     and what it must be, separated by "; "
   */
  public Settings(Config config) {
    List<String> problems = new ArrayList<>();
    for (Setting<?> setting : SettingsRegistry.ALL) {
      Optional<String> text =
          config.getOptionalValue(setting.key(), String.class).filter(t -> !t.isBlank());
      try {
        Object value = text.isPresent() ? setting.read(text.get()) : setting.defaultValue();
        if (value != null) {
          values.put(setting, value);
        }
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (BlobStores.S3.equals(value(BLOB_STORE)) && value(S3_ENDPOINT) == null) {
      problems.add(
          S3_ENDPOINT
              + " is required when "
              + BLOB_STORE
              + " = s3 (e.g. https://minio.example.org)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Storybank cannot start: " + String.join("; ", problems));
    }
  }

  /** The value of {@code setting}: its configured value, else its default; null when neither. */
  @SuppressWarnings("unchecked") // values holds what each setting read, of the setting's type
  private <T> T value(Setting<T> setting) {
    return (T) values.get(setting);
  }

  /** The metrics token, if metrics are on. */
  public Optional<String> metricsToken() {
    return Optional.ofNullable(value(METRICS_TOKEN));
  }

  public Path dataDir() {
    return value(DATA_DIR).toAbsolutePath().normalize();
  }

  public int httpPort() {
    return value(HTTP_PORT);
  }

  public Optional<String> adminPassword() {
    return Optional.ofNullable(value(ADMIN_PASSWORD));
  }

  public DatabaseSettings database() {
    int pool = value(DB_POOL_SIZE);
    String url = value(DB_URL);
    if (url == null) {
      DatabaseSettings h2 = DatabaseSettings.embeddedH2(dataDir());
      return new DatabaseSettings(h2.url(), h2.user(), h2.password(), pool);
    }
    return new DatabaseSettings(url, value(DB_USER), value(DB_PASSWORD), pool);
  }

  public long schedulerIntervalSeconds() {
    return value(SCHEDULER_INTERVAL_SECONDS);
  }

  public boolean demoContent() {
    return value(DEMO_CONTENT);
  }

  public long maxBodyBytes() {
    return value(MAX_BODY_BYTES);
  }

  /** The media store (opened now) and limits. */
  public MediaSettings media() {
    S3Settings s3 =
        new S3Settings(
            value(S3_ENDPOINT),
            value(S3_REGION),
            value(S3_BUCKET),
            value(S3_ACCESS_KEY),
            value(S3_SECRET_KEY));
    return new MediaSettings(
        BlobStores.open(value(BLOB_STORE), dataDir(), s3),
        dataDir().resolve("tmp"),
        value(MEDIA_MAX_IMAGE_BYTES),
        maxVideoBytes(),
        value(MEDIA_MAX_PIXELS),
        value(MEDIA_JPEG_QUALITY),
        value(MEDIA_JPEG_PROGRESSIVE));
  }

  public long maxVideoBytes() {
    return value(MEDIA_MAX_VIDEO_BYTES);
  }

  public long maxImportBytes() {
    return value(MAX_IMPORT_BYTES);
  }

  /** The configured signing secret of file URLs; empty when it is to be generated. */
  public Optional<String> mediaUrlSecret() {
    return Optional.ofNullable(value(MEDIA_URL_SECRET));
  }

  public Duration signedUrlLifetime() {
    return Duration.ofHours(value(MEDIA_SIGNED_URL_HOURS));
  }

  /** The configured public address, or null: the address each request came to. */
  public String publicUrl() {
    return value(PUBLIC_URL);
  }

  public int deliveryMaxAge() {
    return value(DELIVERY_MAX_AGE);
  }

  public int deliveryCacheEntries() {
    return value(DELIVERY_CACHE_ENTRIES);
  }

  public int listCacheMebibytes() {
    return value(LIST_CACHE_MIB);
  }

  /** Webhook payloads link to items under the public URL, else under localhost. */
  public WebhookSettings webhooks() {
    String base = publicUrl() == null ? "http://localhost:" + httpPort() + "/" : publicUrl();
    return new WebhookSettings(
        Duration.ofMillis(value(WEBHOOKS_POLL_MS)),
        Duration.ofMillis(value(WEBHOOKS_TIMEOUT_MS)),
        value(WEBHOOKS_ALLOW_PRIVATE),
        base);
  }

  public SearchSettings search() {
    Path directory = value(SEARCH_DIR);
    Integer queryThreads = value(SEARCH_QUERY_THREADS);
    return new SearchSettings(
        directory == null ? dataDir().resolve("index") : directory.toAbsolutePath().normalize(),
        value(SEARCH_RAM_BUFFER_MB),
        Duration.ofMillis(value(SEARCH_POLL_MS)),
        Duration.ofMillis(value(SEARCH_COMMIT_MS)),
        value(SEARCH_REBUILD_THREADS),
        queryThreads == null ? Runtime.getRuntime().availableProcessors() : queryThreads);
  }
}
