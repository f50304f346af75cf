package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * deploy/run and deploy/stop as an operator uses them, on the built WAR and Payara Micro: one ready
 * line with the address and where the administrator's password is; SIGTERM to the script stops
 * Payara cleanly (the application's own stop runs) and leaves no Java; a {@code kill -9} of the
 * script leaves no Java either; a second start on a busy port or data directory says so in one
 * line, exits non-zero and leaves the running one's pid file alone; deploy/stop stops a background
 * instance and handles a stale pid file.
 */
class DeployRunIT {
  private static final Path DEPLOY =
      Path.of(System.getProperty("storybank.payara.preboot")).toAbsolutePath().getParent();
  private static final Duration START = Duration.ofSeconds(300);
  private static final String CLEAN_STOP = "Storybank stopped: search index and database closed";

  /** What the tests started, stopped after each test whatever its outcome. */
  private final List<Run> started = new ArrayList<>();

  /**
   * A failed test (or the defect it looks for) must not leave Payara running on the machine: the
   * script and all it started, and the Java process its pid file names if that outlived it.
   */
  @AfterEach
  void stopWhatWasStarted() throws IOException {
    for (Run run : started) {
      List<ProcessHandle> left = new ArrayList<>(run.process.descendants().toList());
      left.add(run.process.toHandle());
      Path pidFile = run.data.resolve("payara.pid");
      if (Files.exists(pidFile)) {
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
            .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
            .ifPresent(left::add);
      }
      left.forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void theStartSaysWhenItIsReadyAndSigtermStopsPayaraCleanly() throws Exception {
    Path data = dataDir("sigterm");
    int port = freePort();
    Run run = start(data, port, "sigterm");
    String ready = run.awaitReady();
    assertTrue(
        ready.startsWith("Storybank is ready at http://localhost:" + port + "/ (data in " + data),
        ready);
    assertTrue(ready.contains("cms.admin.password (CMS_ADMIN_PASSWORD)"), ready);
    long java = run.javaPid();

    // The same data directory again: one line, exit 1, the running one's pid file untouched.
    Result again = runToEnd(data, port);
    assertEquals(1, again.exit(), again.output());
    assertEquals(1, again.lines().size(), again.output());
    assertTrue(again.output().startsWith("Storybank cannot start: it already runs with data in "));
    assertTrue(again.output().contains("(pid " + java + ")"), again.output());
    assertEquals(Long.toString(java), Files.readString(data.resolve("payara.pid")).strip());

    // Another data directory on the same port: one line naming the port, nothing started.
    Path other = dataDir("busy-port");
    Result busy = runToEnd(other, port);
    assertEquals(1, busy.exit(), busy.output());
    assertEquals(
        List.of(
            "Storybank cannot start: port "
                + port
                + " is in use by another program; set CMS_HTTP_PORT (or cms.http.port in "
                + other
                + "/storybank.properties) to a free one"),
        busy.lines());
    assertFalse(Files.exists(other.resolve("payara.pid")));
    assertTrue(ProcessHandle.of(java).isPresent(), "the first one still runs");

    List<ProcessHandle> family = run.family();
    run.process.destroy(); // SIGTERM to the script
    assertTrue(run.process.waitFor(120, TimeUnit.SECONDS), "deploy/run ends; see " + run.log);
    assertEquals(0, run.process.exitValue(), "a requested stop is a clean exit; see " + run.log);
    String log = Files.readString(run.log, StandardCharsets.UTF_8);
    assertTrue(log.contains(CLEAN_STOP), "Payara undeployed Storybank cleanly; see " + run.log);
    assertTrue(log.strip().endsWith("Storybank stopped."), log);
    assertAllGone(family);
    assertFalse(Files.exists(data.resolve("payara.pid")), "the pid file is removed");
  }

  @Test
  void killingTheScriptWithSigkillLeavesNoJavaAndDeployStopClearsTheStalePidFile()
      throws Exception {
    Path data = dataDir("sigkill");
    Run run = start(data, freePort(), "sigkill");
    run.awaitReady();
    List<ProcessHandle> family = run.family();
    assertTrue(family.size() > 1, "Java runs under the script: " + family);

    run.process.destroyForcibly(); // kill -9: the script's trap cannot run
    assertAllGone(family);

    Result stop = stop(data);
    assertEquals(0, stop.exit(), stop.output());
    assertEquals(1, stop.lines().size(), stop.output());
    assertTrue(stop.output().contains("removed the stale payara.pid"), stop.output());
    assertFalse(Files.exists(data.resolve("payara.pid")));
  }

  @Test
  void deployStopStopsABackgroundInstance() throws Exception {
    Path data = dataDir("stop");
    Run run = start(data, freePort(), "stop");
    run.awaitReady();
    long java = run.javaPid();
    List<ProcessHandle> family = run.family();

    Result stop = stop(data);
    assertEquals(0, stop.exit(), stop.output());
    assertEquals(1, stop.lines().size(), stop.output());
    assertTrue(
        stop.output().startsWith("Storybank stopped (pid " + java + ", data in "), stop.output());
    assertTrue(run.process.waitFor(60, TimeUnit.SECONDS), "deploy/run ends with Payara");
    assertEquals(0, run.process.exitValue(), "stopped on request; see " + run.log);
    assertTrue(Files.readString(run.log, StandardCharsets.UTF_8).contains(CLEAN_STOP), "clean");
    assertAllGone(family);

    Result again = stop(data);
    assertEquals(0, again.exit(), again.output());
    assertTrue(again.output().startsWith("Storybank is not running with data in "), again.output());
  }

  /**
   * Two starts racing for one port: the port was free when checked, then Payara cannot bind it
   * (here a socket bound to it without listening, which the check cannot see). Payara alone would
   * print a BindException and exit 0; deploy/run ends with the port's line and exit 1.
   */
  @Test
  void aPortTakenAfterTheCheckStillEndsWithOneLineAndAFailure() throws Exception {
    Path data = dataDir("race");
    try (SocketChannel taken = SocketChannel.open()) {
      taken.setOption(StandardSocketOptions.SO_REUSEADDR, false);
      taken.bind(new InetSocketAddress(0));
      int port = ((InetSocketAddress) taken.getLocalAddress()).getPort();
      Result result = runToEnd(data, port);
      assertEquals(1, result.exit(), result.output());
      List<String> lines = result.lines();
      assertEquals(
          "Storybank cannot start: port "
              + port
              + " is in use by another program; set"
              + " CMS_HTTP_PORT (or cms.http.port in "
              + data
              + "/storybank.properties) to a free one",
          lines.get(lines.size() - 1),
          result.output());
      assertFalse(result.output().contains("\tat "), "no stack trace: " + result.output());
      assertFalse(Files.exists(data.resolve("payara.pid")));
    }
  }

  private Run start(Path data, int port, String name) throws IOException {
    Run run = Run.start(data, port, name);
    started.add(run);
    return run;
  }

  private static void assertAllGone(List<ProcessHandle> family) {
    waitUntil(
        "deploy/run and every process it started are gone: " + family,
        Duration.ofSeconds(60),
        () -> family.stream().noneMatch(ProcessHandle::isAlive));
  }

  private static Path dataDir(String name) throws IOException {
    return Files.createTempDirectory(Path.of("target"), "deploy-run-" + name + "-")
        .toAbsolutePath();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static ProcessBuilder script(String name, Path data, int port) {
    ProcessBuilder builder =
        new ProcessBuilder(DEPLOY.resolve(name).toString()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("CMS_DATA_DIR", data.toString());
    env.put("CMS_HTTP_PORT", Integer.toString(port));
    env.put("CMS_ADMIN_PASSWORD", PayaraServer.ADMIN_PASSWORD);
    env.put("CMS_DEMO_CONTENT", "false");
    // The WAR this build made, not a build from deploy/run (the sources may be newer).
    env.put("CMS_WAR", System.getProperty("storybank.war"));
    env.put("CMS_PAYARA_JAR", System.getProperty("storybank.payara.jar"));
    env.put("CMS_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m");
    return builder;
  }

  private static Result runToEnd(Path data, int port) throws Exception {
    Process process = script("run", data, port).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(300, TimeUnit.SECONDS), "deploy/run ends: " + output);
    return new Result(process.exitValue(), output);
  }

  private static Result stop(Path data) throws Exception {
    Process process = script("stop", data, 0).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "deploy/stop ends: " + output);
    return new Result(process.exitValue(), output);
  }

  private record Result(int exit, String output) {
    List<String> lines() {
      return output.lines().toList();
    }
  }

  /** deploy/run in the background, its output in a log file under target/. */
  private record Run(Process process, Path log, Path data) {
    static Run start(Path data, int port, String name) throws IOException {
      Path log = Path.of("target", "deploy-run-" + name + ".log").toAbsolutePath();
      Process process = script("run", data, port).redirectOutput(log.toFile()).start();
      return new Run(process, log, data);
    }

    /** The ready line: the one that starts with the words, not Payara's log record of it. */
    String awaitReady() {
      List<String> ready = new ArrayList<>();
      waitUntil(
          "deploy/run printed its ready line; see " + log,
          START,
          () -> {
            if (!process.isAlive()) {
              throw new AssertionError("deploy/run exited " + process.exitValue() + "; see " + log);
            }
            Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("Storybank is ready at "))
                .findFirst()
                .ifPresent(ready::add);
            return !ready.isEmpty();
          });
      return ready.get(0);
    }

    long javaPid() throws IOException {
      return Long.parseLong(Files.readString(data.resolve("payara.pid")).strip());
    }

    /** The script and everything it started (Java, the output watcher...). */
    List<ProcessHandle> family() throws IOException {
      List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
      family.add(process.toHandle());
      Map<Long, ProcessHandle> byPid = new HashMap<>();
      family.forEach(p -> byPid.put(p.pid(), p));
      assertTrue(byPid.containsKey(javaPid()), "payara.pid names a process of deploy/run");
      return family;
    }
  }
}
