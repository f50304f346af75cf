package vn.storybank.web.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.Characters;

/**
 * Query and path parameters pass {@link Characters} before anything reads them: one place for every
 * endpoint, public or admin, so that {@code ?channel=a%00b} is a 400 naming {@code channel} rather
 * than a database error. Runs after matching (path parameters have their names then) and before
 * authentication, so that even an anonymous caller gets the 400.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public final class ParameterText implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    StorybankException refused;
    try {
      refused = checkPath(request.getUriInfo().getPathParameters(true));
      if (refused == null) {
        refused = checkQuery(request.getUriInfo().getQueryParameters(true));
      }
    } catch (IllegalArgumentException e) {
      // A malformed percent-escape (%zz) that the decoding cannot read.
      refused =
          StorybankException.invalid(
              "query", "cannot be decoded: " + e.getMessage() + "; percent-encode it as UTF-8");
    }
    if (refused != null) {
      request.abortWith(new StorybankExceptionMapper().toResponse(refused));
    }
  }

  /** A path segment is named {@code path}: its parameter name is no name the caller used. */
  private static StorybankException checkPath(MultivaluedMap<String, String> parameters) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      for (String value : parameter.getValue()) {
        String problem = Characters.problem(value);
        if (problem != null) {
          return StorybankException.invalid(
              "path", "the " + parameter.getKey() + " segment " + problem);
        }
      }
    }
    return null;
  }

  private static StorybankException checkQuery(MultivaluedMap<String, String> parameters) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      String problem = Characters.problem(name);
      if (problem != null) {
        return StorybankException.invalid("query", "a parameter name " + problem);
      }
      for (String value : parameter.getValue()) {
        problem = Characters.problem(value);
        if (problem != null) {
          return StorybankException.invalid(name, problem);
        }
      }
    }
    return null;
  }
}
