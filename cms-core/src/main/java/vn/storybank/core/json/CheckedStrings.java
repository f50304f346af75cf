package vn.storybank.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Every JSON string and object key read into an input record passes {@link Characters}: one place
 * for every admin body and import line, with the field's path in the error (Jackson adds it as the
 * exception travels out through the records).
 */
final class CheckedStrings {
  private CheckedStrings() {}

  static SimpleModule module() {
    return new SimpleModule("checked-strings")
        .addDeserializer(String.class, new Values())
        .addKeyDeserializer(String.class, new Keys());
  }

  /** A string holding a character text may not hold. */
  static final class ForbiddenCharacterException extends MismatchedInputException {
    private static final long serialVersionUID = 1L;

    ForbiddenCharacterException(JsonParser parser, String message) {
      super(parser, message, String.class);
    }
  }

  /** Delegates to Jackson's own String reading (coercions included), then checks. */
  private static final class Values extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    Values() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = StringDeserializer.instance.deserialize(p, ctxt);
      String problem = Characters.problem(value);
      if (problem != null) {
        throw new ForbiddenCharacterException(p, problem);
      }
      return value;
    }
  }

  private static final class Keys extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
      String problem = Characters.problem(key);
      if (problem != null) {
        throw new ForbiddenCharacterException(ctxt.getParser(), "a key " + problem);
      }
      return key;
    }
  }
}
