package vn.storybank.web.http;

import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.RateLimitedException;
import vn.storybank.core.error.StorybankException;

/** Domain failures to problem responses. */
@Provider
public final class StorybankExceptionMapper implements ExceptionMapper<StorybankException> {
  private static final Logger LOG = Logger.getLogger(StorybankExceptionMapper.class.getName());

  @Override
  public jakarta.ws.rs.core.Response toResponse(StorybankException e) {
    if (e.kind() == ErrorKind.UNAVAILABLE) {
      // The client is told to try again; operators must see the outage (media store, database)
      // too. One line: it is an expected failure, not a bug, so no stack trace.
      RequestLog.log(
          LOG,
          Level.WARNING,
          e.operatorDetail() == null
              ? e.getMessage()
              : e.getMessage() + " Cause: " + e.operatorDetail(),
          null);
    }
    jakarta.ws.rs.core.Response response =
        Problem.of(ProblemType.of(e.kind()), e.getMessage(), e.fieldErrors(), null).toResponse();
    if (e instanceof RateLimitedException limited) {
      return jakarta.ws.rs.core.Response.fromResponse(response)
          .header("Retry-After", limited.retryAfterSeconds())
          .build();
    }
    return response;
  }
}
