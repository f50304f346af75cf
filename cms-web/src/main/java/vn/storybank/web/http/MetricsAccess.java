package vn.storybank.web.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.storybank.web.config.Settings;
import vn.storybank.web.config.SettingsRegistry;

/**
 * Guards Payara's MicroProfile Metrics, which the server adds to the application at the root
 * context: per-endpoint figures are operational data, not for anyone who asks. Without {@code
 * cms.metrics.token} the metrics answer 404 to everyone; with it, only {@code Authorization: Bearer
 * <token>} reads them. The health checks (/health) stay open for load balancers.
 */
@WebFilter(
    urlPatterns = {"/metrics", "/metrics/*"},
    asyncSupported = true)
public class MetricsAccess implements Filter {
  private byte[] expected;

  @Override
  public void init(FilterConfig config) {
    Optional<String> token = new Settings(ConfigProvider.getConfig()).metricsToken();
    expected = token.map(MetricsAccess::digest).orElse(null);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse http = (HttpServletResponse) response;
    if (expected == null) {
      Problem.of(
              ProblemType.NOT_FOUND,
              "Metrics are off on this server; an operator turns them on with the setting "
                  + SettingsRegistry.METRICS_TOKEN.named()
                  + ".")
          .write((HttpServletRequest) request, http);
      return;
    }
    String header = ((HttpServletRequest) request).getHeader("Authorization");
    boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    // Digests of equal length, compared in constant time: the answer's timing tells nothing about
    // how much of a guess was right.
    if (!bearer || !MessageDigest.isEqual(expected, digest(header.substring(7).trim()))) {
      http.setHeader("WWW-Authenticate", "Bearer realm=\"Storybank metrics\"");
      Problem.of(
              ProblemType.UNAUTHORIZED,
              header == null
                  ? "Metrics need Authorization: Bearer with the metrics token."
                  : "That is not the metrics token.")
          .write((HttpServletRequest) request, http);
      return;
    }
    chain.doFilter(request, response);
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
