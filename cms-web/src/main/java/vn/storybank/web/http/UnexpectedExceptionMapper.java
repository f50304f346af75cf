package vn.storybank.web.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is a bug: logged with the request id, which the client also gets (in the detail and
 * as X-Request-Id), never with a stack trace in the response.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    String incident = RequestIds.current();
    RequestLog.log(LOG, Level.SEVERE, "Unexpected failure", e);
    return Problem.of(
            ProblemType.INTERNAL,
            "Storybank failed unexpectedly; nothing was changed. Report incident " + incident + ".")
        .toResponse();
  }
}
