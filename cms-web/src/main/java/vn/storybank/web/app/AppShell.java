package vn.storybank.web.app;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editor app's one page, at {@code /}. Every other response of the WAR carries a policy that
 * forbids all scripts; this page allows its own modules and, by its hash, the inline import map
 * (browsers cannot load an import map from a file), and nothing from another host.
 */
@WebServlet(urlPatterns = {"", "/index.html"})
public final class AppShell extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Pattern IMPORT_MAP =
      Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

  private transient byte[] page;
  private transient String policy;

  @Override
  public void init() throws ServletException {
    try (InputStream in = getServletContext().getResourceAsStream("/app/index.html")) {
      if (in == null) {
        throw new ServletException("The WAR has no app/index.html");
      }
      page = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    policy = policyFor(new String(page, StandardCharsets.UTF_8));
  }

  /** The policy of a page whose only inline script is its import map. */
  static String policyFor(String html) {
    Matcher importMap = IMPORT_MAP.matcher(html);
    if (!importMap.find()) {
      throw new IllegalStateException("app/index.html has no import map");
    }
    return "default-src 'self'; script-src 'self' '"
        + sha256(importMap.group(1))
        + "'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' blob: data:;"
        + " media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none';"
        + " form-action 'none'; frame-ancestors 'none'";
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/html; charset=utf-8");
    response.setHeader("Content-Security-Policy", policy);
    // Always asked again: a new release must not meet an old shell naming old module versions.
    response.setHeader("Cache-Control", "no-cache");
    response.setContentLength(page.length);
    response.getOutputStream().write(page);
  }
}
