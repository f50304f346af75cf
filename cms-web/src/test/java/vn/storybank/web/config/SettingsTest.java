package vn.storybank.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

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
                    Settings.MEDIA_SIGNED_URL_HOURS, "168",
                    Settings.MEDIA_URL_SECRET, "0123456789abcdef0123456789abcdef")));
    assertEquals(Duration.ofDays(7), set.signedUrlLifetime());
    assertEquals("0123456789abcdef0123456789abcdef", set.mediaUrlSecret().orElseThrow());
  }

  @Test
  void aShortSecretOrALifetimeOutOfRangeIsRefused() {
    IllegalArgumentException secret =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Settings(config(Map.of(Settings.MEDIA_URL_SECRET, "short"))).mediaUrlSecret());
    assertTrue(secret.getMessage().contains(Settings.MEDIA_URL_SECRET), secret.getMessage());
    for (String hours : List.of("0", "-1", "8761")) {
      IllegalArgumentException lifetime =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  new Settings(config(Map.of(Settings.MEDIA_SIGNED_URL_HOURS, hours)))
                      .signedUrlLifetime());
      assertTrue(
          lifetime.getMessage().contains(Settings.MEDIA_SIGNED_URL_HOURS), lifetime.getMessage());
    }
  }

  @Test
  void metricsAreOffWithoutATokenAndAShortTokenStopsTheStart() {
    assertTrue(new Settings(config(Map.of())).metricsToken().isEmpty());
    assertTrue(new Settings(config(Map.of(Settings.METRICS_TOKEN, "  "))).metricsToken().isEmpty());
    String token = "0123456789abcdef0123456789abcdef";
    assertEquals(
        token, new Settings(config(Map.of(Settings.METRICS_TOKEN, token))).metricsToken().get());
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () ->
                new Settings(config(Map.of(Settings.METRICS_TOKEN, "short-token"))).metricsToken());
    assertTrue(refused.getMessage().contains("cms.metrics.token"), refused.getMessage());
  }

  /** Configuration from a map, converting to String and Long as the settings ask. */
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
        String value = values.get(name);
        if (value == null) {
          return Optional.empty();
        }
        return Optional.of(type.cast(type == Long.class ? (Object) Long.valueOf(value) : value));
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
