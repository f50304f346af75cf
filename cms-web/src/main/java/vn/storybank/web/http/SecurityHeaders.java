package vn.storybank.web.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.storybank.core.account.Origin;

/**
 * Security headers and the request id ({@link RequestIds}) on every response (API, health, OpenAPI,
 * errors), and the client's address for the audit log while the request runs. A servlet filter
 * rather than a JAX-RS one, so that responses outside JAX-RS get the headers too. The CSP forbids
 * everything: the API serves data, never pages, so nothing it returns may run or be framed even if
 * a browser renders it.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders implements Filter {
  static final String CSP = "default-src 'none'; frame-ancestors 'none'";
  static final String HSTS = "max-age=31536000; includeSubDomains";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    apply(request, (HttpServletResponse) response);
    Origin.set(request.getRemoteAddr());
    try {
      chain.doFilter(request, response);
    } finally {
      Origin.clear();
      RequestIds.clear();
    }
  }

  /**
   * Sets the headers; for the filters that answer a request themselves, whichever order the
   * container runs the filters in.
   */
  static void apply(ServletRequest request, HttpServletResponse http) {
    RequestIds.assign(request, http);
    http.setHeader("X-Content-Type-Options", "nosniff");
    http.setHeader("X-Frame-Options", "DENY");
    http.setHeader("Referrer-Policy", "no-referrer");
    http.setHeader("Content-Security-Policy", CSP);
    if (request.isSecure()) {
      http.setHeader("Strict-Transport-Security", HSTS);
    }
  }
}
