package vn.storybank.web.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is a bug: logged with an incident id that the client also gets, never with a stack
 * trace in the response.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
    return Problem.of(
            ProblemType.INTERNAL,
            "Storybank failed unexpectedly; nothing was changed. Report incident " + incident + ".")
        .toResponse();
  }
}
