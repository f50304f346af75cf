package vn.storybank.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;
import vn.storybank.core.media.FileSystemBlobStore;
import vn.storybank.core.media.MediaSettings;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.search.SearchSettings;

/** Settings with defaults and ranges: defaults, and invalid values refused at start. */
class SettingsTest {
  @Test
  void signedUrlsLastADayByDefaultAndTheSecretIsGeneratedWhenUnset() {
    Settings settings = new Settings(config(Map.of()));
    assertEquals(Duration.ofHours(24), settings.signedUrlLifetime());
    assertTrue(settings.mediaUrlSecret().isEmpty());
    Settings set =
        new Settings(
            config(
                Map.of(
                    SettingsRegistry.MEDIA_SIGNED_URL_HOURS.key(), "168",
                    SettingsRegistry.MEDIA_URL_SECRET.key(), "0123456789abcdef0123456789abcdef")));
    assertEquals(Duration.ofDays(7), set.signedUrlLifetime());
    assertEquals("0123456789abcdef0123456789abcdef", set.mediaUrlSecret().orElseThrow());
  }

  @Test
  void aShortSecretOrALifetimeOutOfRangeIsRefused() {
    String secret = refused(Map.of(SettingsRegistry.MEDIA_URL_SECRET.key(), "short"));
    assertTrue(secret.contains(SettingsRegistry.MEDIA_URL_SECRET.key()), secret);
    for (String hours : List.of("0", "-1", "8761")) {
      String lifetime = refused(Map.of(SettingsRegistry.MEDIA_SIGNED_URL_HOURS.key(), hours));
      assertTrue(lifetime.contains(SettingsRegistry.MEDIA_SIGNED_URL_HOURS.key()), lifetime);
    }
  }

  @Test
  void metricsAreOffWithoutATokenAndAShortTokenStopsTheStart() {
    assertTrue(new Settings(config(Map.of())).metricsToken().isEmpty());
    assertTrue(
        new Settings(config(Map.of(SettingsRegistry.METRICS_TOKEN.key(), "  ")))
            .metricsToken()
            .isEmpty());
    String token = "0123456789abcdef0123456789abcdef";
    assertEquals(
        token,
        new Settings(config(Map.of(SettingsRegistry.METRICS_TOKEN.key(), " " + token + " ")))
            .metricsToken()
            .get());
    String refused = refused(Map.of(SettingsRegistry.METRICS_TOKEN.key(), "short-token"));
    assertTrue(refused.contains("cms.metrics.token"), refused);
  }

  @Test
  void everyInvalidKeyIsReportedInOneMessage() {
    String message =
        refused(
            Map.of(
                "cms.db.pool-size", "-1",
                "cms.media.jpeg-quality", "7",
                "cms.demo-content", "ture",
                "cms.search.rebuild-threads", "two",
                "cms.blob.store", "ftp",
                "cms.public-url", "storybank.example.org"));
    assertEquals(
        "Storybank cannot start: "
            + "cms.db.pool-size = -1: must be between 1 and 200; "
            + "cms.demo-content = ture: must be true or false; "
            + "cms.search.rebuild-threads = two: must be a whole number; "
            + "cms.blob.store = ftp: must be one of filesystem, s3; "
            + "cms.media.jpeg-quality = 7: must be between 0.0 and 1.0; "
            + "cms.public-url = storybank.example.org: must be an http:// or https:// address"
            + " with a host",
        message);
  }

  /** A secret in a log would be a leak: the message gives its length only. */
  @Test
  void anInvalidSecretIsNamedButNotShown() {
    String message = refused(Map.of("cms.media.url-secret", "hunter2"));
    assertEquals(
        "Storybank cannot start: cms.media.url-secret: must have at least 32 characters (it has"
            + " 7); leave it unset to have one generated and kept in the database",
        message);
    assertFalse(message.contains("hunter2"), message);
  }

  @Test
  void theS3StoreNeedsAnEndpoint() {
    assertEquals(
        "Storybank cannot start: cms.s3.endpoint is required when cms.blob.store = s3 (e.g."
            + " https://minio.example.org)",
        refused(Map.of("cms.blob.store", "s3")));
  }

  @Test
  void valuesPastAnIntAreRefusedNotCutDown() {
    assertEquals(
        "Storybank cannot start: cms.http.port = 4294975488: must be between 1 and 65535",
        refused(Map.of("cms.http.port", Long.toString(4_294_967_296L + 8192))));
  }

  @Test
  void unsetValuesTakeTheDefaultsOfTheCoreRecords() {
    Settings settings = new Settings(config(Map.of("cms.data.dir", "target/settings-test")));
    Path data = Path.of("target/settings-test").toAbsolutePath().normalize();
    assertEquals(data, settings.dataDir());
    assertEquals(8080, settings.httpPort());
    assertEquals(DatabaseSettings.embeddedH2(data), settings.database());
    assertEquals(2L * 1024 * 1024, settings.maxBodyBytes());
    assertEquals(1024L * 1024 * 1024, settings.maxImportBytes());
    assertEquals(SearchSettings.defaults(data.resolve("index")), settings.search());
    MediaSettings media = settings.media();
    assertTrue(media.store() instanceof FileSystemBlobStore, media.store().toString());
    assertEquals(
        MediaSettings.defaults(media.store(), data.resolve("tmp")).withLimits(0, 0, 0),
        media.withLimits(0, 0, 0));
    assertEquals(MediaSettings.DEFAULT_MAX_IMAGE_BYTES, media.maxImageBytes());
    assertEquals(MediaSettings.DEFAULT_MAX_VIDEO_BYTES, media.maxVideoBytes());
    assertEquals(MediaSettings.DEFAULT_MAX_PIXELS, media.maxPixels());
    assertEquals(60, settings.deliveryMaxAge());
    assertEquals(1000, settings.deliveryCacheEntries());
    assertEquals(5, settings.schedulerIntervalSeconds());
    assertTrue(settings.demoContent());
    assertNull(settings.publicUrl());
    assertTrue(settings.adminPassword().isEmpty());
  }

  /** The spellings operators use: environment names and MicroProfile Config's true values. */
  @Test
  void keysMapToTheirEnvironmentNamesAndFlagsReadLikeMicroProfile() {
    assertEquals("CMS_DB_POOL_SIZE", SettingsRegistry.DB_POOL_SIZE.environmentVariable());
    assertEquals(
        "CMS_WEBHOOKS_ALLOW_PRIVATE_TARGETS",
        SettingsRegistry.WEBHOOKS_ALLOW_PRIVATE.environmentVariable());
    for (String yes : List.of("true", "TRUE", "1", "yes", "Y", "on")) {
      assertTrue(SettingsRegistry.DEMO_CONTENT.read(yes), yes);
    }
    for (String no : List.of("false", "0", "no", "N", "OFF")) {
      assertFalse(SettingsRegistry.DEMO_CONTENT.read(no), no);
    }
  }

  /** Every literal default passes its own rules, and no key is declared twice. */
  @Test
  void theRegistryIsConsistent() {
    Set<String> keys = new HashSet<>();
    for (Setting<?> setting : SettingsRegistry.ALL) {
      assertTrue(keys.add(setting.key()), "declared twice: " + setting.key());
      assertTrue(setting.key().startsWith("cms."), setting.key());
      assertFalse(setting.meaning().isBlank(), setting.key() + " has no meaning");
      if (setting.defaultValue() != null && !setting.defaultValue().toString().isEmpty()) {
        assertEquals(
            setting.defaultValue(), setting.read(setting.defaultValue().toString()), setting.key());
      }
    }
  }

  private static String refused(Map<String, String> values) {
    return assertThrows(IllegalStateException.class, () -> new Settings(config(values)))
        .getMessage();
  }

  /** Configuration from a map, as text: Settings converts it itself. */
  private static Config config(Map<String, String> values) {
    return new Config() {
      @Override
      public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
      }

      @Override
      public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
      }

      @Override
      public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        return Optional.ofNullable(values.get(name)).map(type::cast);
      }

      @Override
      public Iterable<String> getPropertyNames() {
        return values.keySet();
      }

      @Override
      public Iterable<ConfigSource> getConfigSources() {
        return List.of();
      }

      @Override
      public <T> Optional<Converter<T>> getConverter(Class<T> type) {
        return Optional.empty();
      }

      @Override
      public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException();
      }
    };
  }
}
