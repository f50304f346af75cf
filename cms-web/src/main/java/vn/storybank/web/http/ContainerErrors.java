package vn.storybank.web.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of the web application (WEB-INF/web.xml): what the container would answer with its
 * HTML status page (a path outside the API, a method a Payara servlet does not take) becomes a
 * problem with the security headers. JAX-RS answers its own errors before this.
 */
@WebServlet(urlPatterns = "/.container-error")
public class ContainerErrors extends HttpServlet {
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // Asked for directly, this page is nothing.
    int status =
        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
            ? code
            : 404;
    problem(status).write(request, response);
  }

  private static Problem problem(int status) {
    return switch (status) {
      case 404 -> Problem.of("not-found", "Not found", 404, "There is nothing at this path.");
      case 405 ->
          Problem.of(
              "method-not-allowed",
              "Method not allowed",
              405,
              "This path does not take that method; GET reads it.");
      default ->
          Problem.of(
              "http-" + status,
              "Error",
              status,
              status >= 500
                  ? "The server could not handle this request; try again."
                  : "The request could not be handled.");
    };
  }
}
