package vn.storybank.web.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.storybank.core.error.FieldError;

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
}
