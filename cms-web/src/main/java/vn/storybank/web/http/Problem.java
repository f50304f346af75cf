package vn.storybank.web.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import vn.storybank.core.error.FieldError;
import vn.storybank.core.json.Json;

/**
 * An RFC 9457 problem detail. {@code type} is a URI relative to the API root, documented in
 * docs/API.md; {@code errors} lists invalid fields.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors, Object report) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

  public static Problem of(String slug, String title, int status, String detail) {
    return new Problem("/problems/" + slug, title, status, detail, List.of(), null);
  }

  public Response toResponse() {
    return Response.status(status).type(PROBLEM_JSON).entity(this).build();
  }

  /**
   * The answer written outside JAX-RS (a filter refusing a request, the container's error page),
   * with the security headers.
   */
  public void write(ServletRequest request, HttpServletResponse response) throws IOException {
    byte[] body = Json.mapper().writeValueAsBytes(this);
    SecurityHeaders.apply(request, response);
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
