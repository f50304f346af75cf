package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md's "A five-minute tour", as a new user pastes it: the {@code sh} block under that
 * heading runs with bash against the WAR as it starts, on a fresh data folder with the demo
 * content, and every line must succeed.
 *
 * <p>How a broken line cannot pass silently: the block runs under {@code set -e -o pipefail} (the
 * first failing command stops it, named with its README line), and every {@code curl} in the block
 * must either fail on an HTTP error ({@code -f}) or print its status with {@code -w} into a {@code
 * grep} that expects one. Lines whose command is {@code deploy/run} start the server: they are
 * replaced by this test's own server, launched on a fresh data folder with the password the block
 * exports and without waiting for it, so that the block's own wait-until-ready line meets what a
 * user's does (no listener, Payara's own 404 page, 503, then ready); its port reaches the block as
 * {@code CMS_HTTP_PORT}, as deploy/run's does. The block runs in a folder of its own under target/
 * (the files it downloads land there) where {@code cms-core} is the checkout's, so the paths it
 * names from the clone's root resolve.
 */
class ReadmeTourIT {
  private static final Pattern PASSWORD =
      Pattern.compile("^export CMS_ADMIN_PASSWORD=([^\\s#]+)", Pattern.MULTILINE);

  @Test
  void everyTourLineRunsAsWrittenAgainstTheWarAsItStarts() throws Exception {
    // ReadmeTourTest checks that no curl in the block can pass an HTTP error silently.
    ReadmeTour.Block block = ReadmeTour.block();
    Matcher password = PASSWORD.matcher(block.joined());
    assertTrue(password.find(), "the tour exports CMS_ADMIN_PASSWORD");

    Path target = Path.of("target").toAbsolutePath();
    Path dir = Files.createTempDirectory(target, "readme-tour-");
    Files.createSymbolicLink(dir.resolve("cms-core"), Path.of("..", "cms-core").toAbsolutePath());
    Path script = dir.resolve("tour.sh");
    // One header line; the trap names the README line of the command that failed.
    String header =
        "set -eEuo pipefail; trap 'echo \"README.md line $((LINENO + "
            + (block.firstLine() - 2)
            + ")) failed (status $?): $BASH_COMMAND\" >&2' ERR\n";
    Files.writeString(script, header + block.runnable(), StandardCharsets.UTF_8);
    Path log = dir.resolve("tour.log");
    try (PayaraServer server =
        PayaraServer.launch(
            "tour",
            Files.createTempDirectory(target, "data-tour-"),
            Map.of("CMS_ADMIN_PASSWORD", password.group(1)))) {
      ProcessBuilder bash =
          new ProcessBuilder("bash", script.toString())
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      bash.environment().put("CMS_HTTP_PORT", Integer.toString(server.base().getPort()));
      bash.environment().remove("CMS_ADMIN_PASSWORD");
      Process process = bash.start();
      // The start and the tour: a start takes up to a few minutes on a loaded machine.
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail(
            "The tour did not finish in 10 minutes; its output: "
                + log
                + ", the server's: "
                + server.log());
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      // The end of the output: the failing line's answer and the README line it was on.
      String end = output.substring(Math.max(0, output.length() - 4000));
      assertEquals(
          0,
          process.exitValue(),
          "The README tour failed (all its output: "
              + log
              + "; the server's: "
              + server.log()
              + "):\n…"
              + end);
    }
  }
}
