package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The editor app's first load, measured in the browser: the compressed bytes of script it fetches
 * (the budget: at most 300 KB) and the time from signing in to the home screen, logged for
 * docs/BENCHMARKS.md.
 */
@ExtendWith(UiServer.class)
class AppBudgetUiIT {
  static final long SCRIPT_BUDGET_BYTES = 300 * 1024;

  @Test
  void theFirstLoadFetchesAtMost300KbOfCompressedScript(PayaraServer server) {
    SignInUiIT.member(server, "ui-budget-editor", "lao-cai", "editor");
    try (Browser browser = new Browser(server.base(), "budget", "en-US")) {
      browser.open("");
      browser.find("form.signin");
      browser.assertAccessible("sign-in");
      browser.type("#username", "ui-budget-editor");
      browser.type("#password", SignInUiIT.PASSWORD);
      browser.script("window.signInClicked = performance.now()");
      browser.find("form.signin button[type=submit]").click();
      browser.waitText("main h1", "Hello");
      Number signInToHome =
          (Number) browser.script("return performance.now() - window.signInClicked");
      // Of which the sign-in call itself (the server's password check is a deliberately slow hash).
      Number session =
          (Number)
              browser.script(
                  "return performance.getEntriesByType('resource')"
                      + ".filter(e => new URL(e.name).pathname === '/api/admin/v1/session')"
                      + ".map(e => e.duration).pop() || 0");
      browser.screenshot("home");
      browser.assertAccessible("home");

      @SuppressWarnings("unchecked")
      List<Map<String, Object>> scripts =
          (List<Map<String, Object>>)
              browser.script(
                  "return performance.getEntriesByType('resource')"
                      + ".filter(e => new URL(e.name).pathname.endsWith('.js'))"
                      + ".map(e => ({name: new URL(e.name).pathname,"
                      + " encoded: e.encodedBodySize, decoded: e.decodedBodySize}))");
      long encoded = 0;
      long decoded = 0;
      for (Map<String, Object> script : scripts) {
        encoded += ((Number) script.get("encoded")).longValue();
        decoded += ((Number) script.get("decoded")).longValue();
      }
      System.out.printf(
          "App budget: first load fetched %d scripts, %,d bytes compressed (%,d uncompressed);"
              + " budget %,d. Sign-in to home: %.0f ms, of which the sign-in call %.0f ms.%n",
          scripts.size(),
          encoded,
          decoded,
          SCRIPT_BUDGET_BYTES,
          signInToHome.doubleValue(),
          session.doubleValue());
      scripts.forEach(s -> System.out.println("  " + s));
      assertTrue(encoded > 0, "the browser reported no script sizes");
      assertTrue(
          encoded <= SCRIPT_BUDGET_BYTES,
          encoded + " bytes of compressed script on the first load, over the budget");
    }
  }

  /** The listener gzips the app's files and the webjars (deploy/payara-preboot.asadmin). */
  @Test
  void scriptsAreSentGzippedAndKeptByBrowsers(PayaraServer server) throws IOException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (String path : List.of("webjars/lit-html/3.3.2/lit-html.js", "app/main.js")) {
      HttpResponse<byte[]> gzipped = get(client, server, path, "gzip, deflate, br");
      assertEquals(200, gzipped.statusCode(), path);
      assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""), path);
      assertTrue(gzipped.headers().allValues("Vary").contains("Accept-Encoding"), path);
      HttpResponse<byte[]> plain = get(client, server, path, "identity");
      assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), path);
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
        assertArrayEquals(plain.body(), in.readAllBytes(), path);
      }
      assertTrue(gzipped.body().length < plain.body().length / 2, path + " compresses well");
    }
    assertEquals(
        "public, max-age=31536000, immutable",
        get(client, server, "webjars/lit-html/3.3.2/lit-html.js", "gzip")
            .headers()
            .firstValue("Cache-Control")
            .orElse(""));
    assertEquals(
        "no-cache",
        get(client, server, "app/main.js", "gzip")
            .headers()
            .firstValue("Cache-Control")
            .orElse(""));
  }

  private static HttpResponse<byte[]> get(
      HttpClient client, PayaraServer server, String path, String acceptEncoding) {
    try {
      return client.send(
          HttpRequest.newBuilder(server.base().resolve("/" + path))
              .header("Accept-Encoding", acceptEncoding)
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
