package vn.storybank.web.http;

import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
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
      LOG.warning(
          e.operatorDetail() == null
              ? e.getMessage()
              : e.getMessage() + " Cause: " + e.operatorDetail());
    }
    int status =
        switch (e.kind()) {
          case NOT_FOUND -> 404;
          case FORBIDDEN -> 403;
          case TOO_MANY_REQUESTS -> 429;
          case INVALID -> 400;
          case CONFLICT -> 409;
          case STALE_VERSION -> 412;
          case UNAVAILABLE -> 503;
          case GONE -> 410;
          case TOO_LARGE -> 413;
          case UNSUPPORTED_TYPE -> 415;
          case UNPROCESSABLE -> 422;
          case UNAUTHORIZED -> 401;
        };
    jakarta.ws.rs.core.Response response =
        new Problem(
                "/problems/" + e.kind().slug(),
                e.kind().title(),
                status,
                e.getMessage(),
                e.fieldErrors(),
                null)
            .toResponse();
    if (e instanceof RateLimitedException limited) {
      return jakarta.ws.rs.core.Response.fromResponse(response)
          .header("Retry-After", limited.retryAfterSeconds())
          .build();
    }
    return response;
  }
}
