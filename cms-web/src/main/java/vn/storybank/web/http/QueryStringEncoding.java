package vn.storybank.web.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a query string typed with raw UTF-8 ({@code curl "…/search?q=ruộng bậc thang"}) as the
 * percent-encoded UTF-8 it stands for. The HTTP server hands such a query string over one character
 * per byte (ISO-8859-1), so "ộ" reached the search as three other characters and found nothing,
 * with no error. Browsers and HTTP libraries percent-encode and are left as they are.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class QueryStringEncoding implements Filter {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String query = http.getQueryString();
    if (query == null || query.chars().allMatch(c -> c < 0x80)) {
      chain.doFilter(request, response);
      return;
    }
    String encoded = percentEncoded(query);
    chain.doFilter(
        new HttpServletRequestWrapper(http) {
          @Override
          public String getQueryString() {
            return encoded;
          }
        },
        response);
  }

  /**
   * Every character above ASCII percent-encoded: one up to U+00FF is one byte of the raw request,
   * as the server read it; a higher one (a server that already decoded UTF-8) is encoded as UTF-8.
   */
  static String percentEncoded(String query) {
    StringBuilder out = new StringBuilder(query.length() * 3);
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c < 0x80) {
        out.append(c);
      } else if (c <= 0xFF) {
        escape((byte) c, out);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < query.length() ? i + 2 : i + 1;
        for (byte b : query.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          escape(b, out);
        }
        i = end - 1;
      }
    }
    return out.toString();
  }

  private static void escape(byte b, StringBuilder out) {
    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
  }
}
