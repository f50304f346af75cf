package vn.storybank.web.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * The error page of the web application (WEB-INF/web.xml): what the container would answer with its
 * HTML status page (a path outside the API, a method a servlet does not take) becomes a problem
 * with the security headers. JAX-RS answers its own errors before this.
 */
@WebServlet(urlPatterns = "/.container-error")
public class ContainerErrors extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /**
   * Everything outside the API (the app's files, the problem pages, health, metrics, the OpenAPI
   * document) is read-only.
   */
  static final String READ_ONLY = "GET, HEAD, OPTIONS";

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // Asked for directly, this page is nothing.
    int status =
        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
            ? code
            : 404;
    String method = request.getMethod();
    if (status == 403
        && !READS.contains(method)
        && "default".equals(request.getAttribute(RequestDispatcher.ERROR_SERVLET_NAME))) {
      // The container's file servlet refuses writes with 403, as if access were the matter: the
      // file exists and cannot be written, which is a method not allowed; a missing one, not found.
      status = exists(request) ? 405 : 404;
    }
    if (status == 405) {
      response.setHeader("Allow", READ_ONLY);
    }
    problem(status, method).write(request, response);
  }

  private boolean exists(HttpServletRequest request) throws IOException {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (!(uri instanceof String path)) {
      return false;
    }
    String inApp = path.substring(request.getContextPath().length());
    return !inApp.isEmpty() && getServletContext().getResource(inApp) != null;
  }

  private static Problem problem(int status, String method) {
    return switch (status) {
      case 404 -> Problem.of(ProblemType.NOT_FOUND, "There is nothing at this path.");
      case 405 ->
          Problem.of(
              ProblemType.METHOD_NOT_ALLOWED,
              "This path does not take "
                  + method
                  + "; it is read-only (Allow: "
                  + READ_ONLY
                  + ").");
      case 501 ->
          Problem.http(
              501,
              "The server does not implement the method "
                  + method
                  + "; the API takes GET, HEAD, OPTIONS, POST, PUT, PATCH and DELETE.");
      default ->
          Problem.http(
              status,
              status >= 500
                  ? "The server could not handle this request; try again."
                  : "The request could not be handled.");
    };
  }
}
