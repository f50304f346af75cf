package vn.storybank.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Payara Micro per kind of suite for the whole test run: started on first use with a fresh data
 * folder under target, stopped when the run ends.
 */
final class SharedServer implements AutoCloseable {
  final PayaraServer server;

  private SharedServer(String name, Map<String, String> env) {
    try {
      Path data = Files.createTempDirectory(Path.of("target"), "data-" + name + "-");
      server = PayaraServer.start(name, data.toAbsolutePath(), env);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server of this kind ({@code name}), started with {@code env} the first time. */
  static PayaraServer of(ExtensionContext extension, String name, Map<String, String> env) {
    return extension
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(
            SharedServer.class.getName() + "/" + name,
            k -> new SharedServer(name, env),
            SharedServer.class)
        .server;
  }

  @Override
  public void close() {
    server.close();
  }
}
