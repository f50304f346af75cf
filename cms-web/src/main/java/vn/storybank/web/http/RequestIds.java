package vn.storybank.web.http;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id, returned on every response as {@code X-Request-Id} and written in the server's
 * log lines about the request, so that a user's report (or a load balancer's log) leads to them. A
 * well-formed incoming id (a proxy's or a client's) is kept, so one id follows a request across the
 * load balancer and the node; anything else is replaced by a new one, so that a client cannot write
 * arbitrary text into the log.
 */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";

  /** Letters, digits and {@code . _ : -}, up to 64: UUIDs, nginx's $request_id, trace ids. */
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private static final String ATTRIBUTE = RequestIds.class.getName();
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestIds() {}

  /**
   * Gives the request its id (once: the filters that answer a request themselves call this too) and
   * sets the response header; the id is this thread's until {@link #clear()}.
   */
  static String assign(ServletRequest request, HttpServletResponse response) {
    String id = (String) request.getAttribute(ATTRIBUTE);
    if (id == null) {
      String incoming = request instanceof HttpServletRequest http ? http.getHeader(HEADER) : null;
      id =
          incoming != null && WELL_FORMED.matcher(incoming).matches()
              ? incoming
              : UUID.randomUUID().toString();
      request.setAttribute(ATTRIBUTE, id);
    }
    response.setHeader(HEADER, id);
    CURRENT.set(id);
    return id;
  }

  static void clear() {
    CURRENT.remove();
  }

  /** The id of the request this thread serves; a new one outside a request (never null). */
  public static String current() {
    String id = CURRENT.get();
    return id != null ? id : UUID.randomUUID().toString();
  }
}
