package vn.storybank.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class SettingsTest {
  /** A Config answering only getOptionalValue, from the given map. */
  private static Settings settings(Map<String, String> values) {
    Config config =
        (Config)
            Proxy.newProxyInstance(
                Config.class.getClassLoader(),
                new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("getOptionalValue")) {
                    throw new UnsupportedOperationException(method.getName());
                  }
                  return Optional.ofNullable(values.get((String) args[0]));
                });
    return new Settings(config);
  }

  @Test
  void metricsAreOffWithoutATokenAndAShortTokenStopsTheStart() {
    assertTrue(settings(Map.of()).metricsToken().isEmpty());
    assertTrue(settings(Map.of(Settings.METRICS_TOKEN, "  ")).metricsToken().isEmpty());
    String token = "0123456789abcdef0123456789abcdef";
    assertEquals(token, settings(Map.of(Settings.METRICS_TOKEN, token)).metricsToken().get());
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> settings(Map.of(Settings.METRICS_TOKEN, "short-token")).metricsToken());
    assertTrue(refused.getMessage().contains("cms.metrics.token"), refused.getMessage());
  }
}
