package vn.storybank.web.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.CharConversionException;
import vn.storybank.core.json.JsonInputs;

/**
 * Bodies that are not JSON, or not the expected JSON. Jersey picks the mapper of the closest
 * exception type, so each Jackson type that its built-in mappers would claim has its own.
 */
public final class JsonExceptionMappers {
  private JsonExceptionMappers() {}

  private static Response malformed(String detail) {
    return Problem.of(ProblemType.MALFORMED_JSON, detail).toResponse();
  }

  /** Malformed JSON. */
  @Provider
  public static final class Parse implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException e) {
      return malformed(
          "The body is not valid JSON: "
              + e.getOriginalMessage()
              + " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    }
  }

  /**
   * Any other failure to read JSON, such as a stream limit ({@code StreamConstraintsException}:
   * nesting deeper than 1,000, a number or name too long): the body is refused, like malformed
   * JSON.
   */
  @Provider
  public static final class Other implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      return malformed("The body cannot be read as JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * Bytes that are no text in the encoding the parser detected: JSON is UTF-8, but a body starting
   * with zero bytes looks like UTF-32 to the parser, which then fails with an I/O exception.
   */
  @Provider
  public static final class Encoding implements ExceptionMapper<CharConversionException> {
    @Override
    public Response toResponse(CharConversionException e) {
      return malformed("The body is not JSON in UTF-8: " + e.getMessage());
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
