package vn.storybank.web;

import java.nio.file.Files;
import java.nio.file.Path;
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
    return extension
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Running.class, k -> new Running(), Running.class)
        .server;
  }

  private static final class Running implements AutoCloseable {
    final PayaraServer server;

    Running() {
      try {
        Path data = Files.createTempDirectory(Path.of("target"), "data-h2-");
        server =
            PayaraServer.start(
                "h2",
                data.toAbsolutePath(),
                Map.of(
                    "CMS_WEBHOOKS_ALLOW_PRIVATE_TARGETS",
                    "true",
                    "CMS_METRICS_TOKEN",
                    METRICS_TOKEN,
                    "CMS_MEDIA_URL_SECRET",
                    PayaraServer.MEDIA_URL_SECRET));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
