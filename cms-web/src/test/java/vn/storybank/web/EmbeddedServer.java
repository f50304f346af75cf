package vn.storybank.web;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Payara Micro with the embedded defaults (H2 file, demo content) shared by every API test
 * class of the run, started on first use and stopped at the end.
 */
final class EmbeddedServer implements ParameterResolver {
  /** The metrics token of the shared server (MetricsApiIT). */
  static final String METRICS_TOKEN = "it-metrics-token-0123456789abcdef0123456789";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == PayaraServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    return SharedServer.of(
        extension,
        "h2",
        Map.of(
            "CMS_WEBHOOKS_ALLOW_PRIVATE_TARGETS",
            "true",
            "CMS_METRICS_TOKEN",
            METRICS_TOKEN,
            "CMS_MEDIA_URL_SECRET",
            PayaraServer.MEDIA_URL_SECRET));
  }
}
