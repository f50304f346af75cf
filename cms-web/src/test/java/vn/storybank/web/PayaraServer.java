package vn.storybank.web;

import static vn.storybank.core.testing.Wait.waitUntil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real WAR on the real Payara Micro, in a child process, as deploy/run starts it. Its output
 * goes to a log file under target/ for when a test fails. Public for cms-s3-tests, which runs the
 * WAR with the S3 store.
 */
public final class PayaraServer implements AutoCloseable {
  public static final String ADMIN_PASSWORD = "it-secret-Pa55";

  /**
   * The secret media URLs of key-protected channels are signed with on the shared test server, so
   * that a test can sign an expired URL; the other servers generate theirs, as production does.
   */
  public static final String MEDIA_URL_SECRET = "it-media-url-secret-0123456789abcdef";

  private final Process process;
  private final URI base;
  private final Path log;
  private final Path dataDir;

  private PayaraServer(Process process, URI base, Path log, Path dataDir) {
    this.process = process;
    this.base = base;
    this.log = log;
    this.dataDir = dataDir;
  }

  public static PayaraServer start(String name, Path dataDir, Map<String, String> env) {
    PayaraServer server = launch(name, dataDir, env);
    server.awaitHealthy(Duration.ofSeconds(300));
    return server;
  }

  /** Starts Payara with the WAR without waiting for it: for a start that is meant to fail. */
  public static PayaraServer launch(String name, Path dataDir, Map<String, String> env) {
    try {
      int port = freePort();
      Path log = Path.of("target", "payara-" + name + ".log").toAbsolutePath();
      Files.createDirectories(dataDir);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx768m"));
      command.addAll(
          List.of(
              "-jar",
              System.getProperty("storybank.payara.jar"),
              "--deploy",
              System.getProperty("storybank.war"),
              "--contextroot",
              "/",
              "--port",
              Integer.toString(port),
              "--nohazelcast",
              "--disablephonehome",
              "--unpackdir",
              dataDir.resolve("payara").toString(),
              // The listener configuration deploy/run passes too (deploy/payara-preboot.asadmin).
              "--prebootcommandfile",
              System.getProperty("storybank.payara.preboot")));
      if ("json".equals(env.get("CMS_LOG_FORMAT"))) {
        // As deploy/run passes it for CMS_LOG_FORMAT=json.
        command.add("--logproperties");
        command.add(
            Path.of(System.getProperty("storybank.payara.preboot"))
                .resolveSibling("logging-json.properties")
                .toString());
      }
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("CMS_DATA_DIR", dataDir.toString());
      builder.environment().put("CMS_HTTP_PORT", Integer.toString(port));
      builder.environment().put("CMS_ADMIN_PASSWORD", ADMIN_PASSWORD);
      builder.environment().putAll(env);
      return new PayaraServer(
          builder.start(), URI.create("http://localhost:" + port + "/"), log, dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI base() {
    return base;
  }

  /** Everything the server wrote to stdout and stderr so far. */
  public Path log() {
    return log;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The first line of the log that contains {@code text}, once Payara has written it. */
  public String awaitLogLine(String text, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Optional<String> line =
            Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(text))
                .findFirst();
        if (line.isPresent()) {
          return line.get();
        }
        if (process.waitFor(250, TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException(
              "Payara exited with " + process.exitValue() + " before logging " + text);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(
        "Payara did not log " + text + " in " + timeout + "; see " + log);
  }

  private void awaitHealthy(Duration timeout) {
    HttpClient client = HttpClient.newHttpClient();
    try {
      waitUntil(
          "Payara is healthy; see " + log,
          timeout,
          () -> {
            if (!process.isAlive()) {
              throw new IllegalStateException(
                  "Payara exited with " + process.exitValue() + "; see " + log);
            }
            try {
              return answers(client, "health", 200) && answers(client, "api/admin/v1/tenants", 401);
            } catch (IOException e) {
              return false; // not listening yet
            }
          });
    } catch (AssertionError e) {
      close();
      throw e;
    }
  }

  /**
   * Health turns 200 as soon as the core has started, a moment before Payara routes requests to the
   * JAX-RS application (until then it answers its own 404 page); an anonymous admin call answers
   * the application's 401 only once it is routed.
   */
  private boolean answers(HttpClient client, String path, int status)
      throws IOException, InterruptedException {
    HttpResponse<Void> response =
        client.send(
            HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
    return response.statusCode() == status;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Kills the process as {@code kill -9} does: no shutdown hook, no flush, no goodbye. */
  public void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Payara survived kill -9; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
