package vn.storybank.web.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;

/**
 * Refuses an overlong URL (414) or header section (431) with a problem the client can act on, and
 * Storybank's security headers. The HTTP listener's own limit is set far higher
 * (deploy/payara-preboot.asadmin) because its refusal is a bare 400 without body or headers; these
 * limits are the ones clients meet.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestLimits implements Filter {
  /** The longest request target (path and query string), in bytes. */
  static final int MAX_TARGET_BYTES = 8 * 1024;

  /** The largest header section (names, values and separators), in bytes. */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    long target = targetLength(http);
    if (target > MAX_TARGET_BYTES) {
      Problem.of(
              ProblemType.URI_TOO_LONG,
              "The URL has "
                  + target
                  + " bytes; the limit is "
                  + MAX_TARGET_BYTES
                  + ". Send long input in a request body, or fewer query parameters.")
          .write(http, (HttpServletResponse) response);
      return;
    }
    long headers = headerLength(http);
    if (headers > MAX_HEADER_BYTES) {
      Problem.of(
              ProblemType.HEADER_FIELDS_TOO_LARGE,
              "The request's headers have "
                  + headers
                  + " bytes; the limit is "
                  + MAX_HEADER_BYTES
                  + ". Send fewer or shorter headers (cookies included).")
          .write(http, (HttpServletResponse) response);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * The raw path and query string as they came; characters, as the server kept them, one a byte.
   */
  private static long targetLength(HttpServletRequest request) {
    String path = request.getRequestURI();
    String query = request.getQueryString();
    return (path == null ? 0 : path.length()) + (query == null ? 0 : 1 + query.length());
  }

  private static long headerLength(HttpServletRequest request) {
    long total = 0;
    for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
        // "name: value" and CRLF, as on the wire.
        total += name.length() + 2 + values.nextElement().length() + 2;
      }
    }
    return total;
  }
}
