package vn.storybank.web.http;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own failures (no such path, wrong method or media type) as problems. */
@Provider
public final class WebExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    Problem problem;
    if (e instanceof NotFoundException) {
      problem = Problem.of(ProblemType.NOT_FOUND, "There is nothing at this path.");
    } else if (e instanceof NotAllowedException) {
      problem =
          Problem.of(
              ProblemType.METHOD_NOT_ALLOWED,
              "This path does not accept that method; allowed: " + original.getAllowedMethods());
    } else if (e instanceof NotSupportedException) {
      problem =
          Problem.of(
              ProblemType.UNSUPPORTED_MEDIA_TYPE,
              "This endpoint does not accept a body of that Content-Type; send application/json"
                  + " (application/merge-patch+json for PATCH, application/x-ndjson for import).");
    } else if (e instanceof NotAcceptableException) {
      problem =
          Problem.of(
              ProblemType.NOT_ACCEPTABLE,
              "This endpoint cannot answer in any of the media types the Accept header allows.");
    } else if (e instanceof PayloadTooLargeException tooLarge) {
      problem = Problem.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
    } else if (status == 401) {
      return original;
    } else {
      problem =
          Problem.http(
              status,
              status >= 500
                  ? "The server could not handle this request."
                  : "The request could not be handled: " + e.getMessage());
    }
    Response.ResponseBuilder builder =
        Response.status(status).type(Problem.PROBLEM_JSON).entity(problem);
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")
                  && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
              }
            });
    return builder.build();
  }
}
