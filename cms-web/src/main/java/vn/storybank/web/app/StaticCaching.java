package vn.storybank.web.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * How long browsers and caches may keep the editor app's files and the webjars, which the default
 * servlet serves with validators only. A webjar's path names its version, so a file there never
 * changes: kept for a year. The app's own files change with a deployment under the same names, so
 * browsers ask again each time and get a cheap 304 while unchanged.
 *
 * <p>The HTTP listener gzips these files (deploy/payara-preboot.asadmin) without saying that the
 * answer depends on Accept-Encoding; {@code Vary} says it, so that a shared cache never hands a
 * gzipped copy to a client that did not ask for one.
 */
@WebFilter(
    urlPatterns = {"/app/*", "/webjars/*"},
    asyncSupported = true)
public final class StaticCaching extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader(
        "Cache-Control", request.getServletPath().startsWith("/webjars/") ? IMMUTABLE : REVALIDATE);
    response.setHeader("Vary", "Accept-Encoding");
    chain.doFilter(request, response);
  }
}
