package vn.storybank.web.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import vn.storybank.core.error.FieldError;
import vn.storybank.core.json.Json;

/**
 * An RFC 9457 problem detail. {@code type} is made as {@code /problems/<slug>} and written out as
 * an absolute URI under the public base ({@link ProblemTypes}), where a page explains it; the slug
 * is one of {@link ProblemType} or {@code http-<status>}. {@code title} is the type's, the same on
 * every occurrence as RFC 9457 asks; {@code detail} is this occurrence's; {@code errors} lists
 * invalid fields.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors, Object report) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  /** The path, under the web application's root, of every problem type's page. */
  static final String PATH = "/problems/";

  public static Problem of(ProblemType type, String detail) {
    return of(type, detail, List.of(), null);
  }

  public static Problem of(
      ProblemType type, String detail, List<FieldError> errors, Object report) {
    return new Problem(PATH + type.slug(), type.title(), type.status(), detail, errors, report);
  }

  /** A failure the framework reports by its status alone, with no type of ours that fits. */
  static Problem http(int status, String detail) {
    return new Problem(
        PATH + ProblemType.HTTP_PREFIX + status,
        ProblemType.reason(status),
        status,
        detail,
        List.of(),
        null);
  }

  /** The same problem with its type resolved against the base ({@code https://host/}). */
  Problem under(String base) {
    return type.startsWith(PATH)
        ? new Problem(base + type.substring(1), title, status, detail, errors, report)
        : this;
  }

  public Response toResponse() {
    return Response.status(status).type(PROBLEM_JSON).entity(this).build();
  }

  /**
   * The answer written outside JAX-RS (a filter refusing a request, the container's error page),
   * with the security headers.
   */
  public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
    byte[] body = Json.mapper().writeValueAsBytes(under(ProblemTypes.base(request)));
    SecurityHeaders.apply(request, response);
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
