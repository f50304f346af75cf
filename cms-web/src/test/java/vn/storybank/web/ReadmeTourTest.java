package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README tour cannot pass a broken line silently: each of its curl commands fails on an HTTP
 * error or has its status checked. (ReadmeTourIT runs the block against the WAR.)
 */
class ReadmeTourTest {
  @Test
  void everyCurlOfTheTourFailsOnAnHttpErrorOrChecksItsStatus() throws Exception {
    String block = ReadmeTour.block().joined();
    assertTrue(
        ReadmeTour.CURL.matcher(block).results().count() >= 20,
        "the tour block was found and has its curl lines");
    assertEquals(
        List.of(),
        ReadmeTour.curlsThatIgnoreHttpErrors(block),
        "every curl in the tour must fail on an HTTP error (-f) or check its -w status with grep");
  }

  /** The server's address is said once, in H (deploy/run's port), so the tour runs on any port. */
  @Test
  void theTourNamesTheServerOnlyThroughItsHostVariable() throws Exception {
    List<String> fixed =
        ReadmeTour.block().lines().stream()
            .filter(line -> line.matches(".*(localhost|127\\.0\\.0\\.1|:8080).*"))
            .toList();
    assertEquals(1, fixed.size(), "only H names the server: " + fixed);
    assertTrue(fixed.get(0).startsWith("H=http://localhost:${CMS_HTTP_PORT:-8080}"), fixed.get(0));
  }

  @Test
  void aCurlThatAnswersAnErrorSilentlyIsFound() {
    assertEquals(
        List.of("curl -s \"$P/sitemap.xml\""),
        ReadmeTour.curlsThatIgnoreHttpErrors(
            "curl -fsS \"$P/a\"\ncurl -s \"$P/sitemap.xml\"\n"
                + "curl -s -o /dev/null -w '%{http_code}\\n' \\\n  \"$P/b\" | grep -x 401"));
  }
}
