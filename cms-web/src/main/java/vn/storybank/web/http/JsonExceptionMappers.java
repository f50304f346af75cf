package vn.storybank.web.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import vn.storybank.core.json.JsonInputs;

/**
 * Bodies that are not JSON, or not the expected JSON. Jersey picks the mapper of the closest
 * exception type, so each Jackson type that its built-in mappers would claim has its own.
 */
public final class JsonExceptionMappers {
  private JsonExceptionMappers() {}

  /** Malformed JSON. */
  @Provider
  public static final class Parse implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException e) {
      return Problem.of(
              "malformed-json",
              "Malformed JSON",
              400,
              "The body is not valid JSON: "
                  + e.getOriginalMessage()
                  + " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")")
          .toResponse();
    }
  }

  /** Well-formed JSON of the wrong shape: unknown fields, wrong types. */
  @Provider
  public static final class Mapping implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
      return new StorybankExceptionMapper().toResponse(JsonInputs.invalid(e));
    }
  }
}
