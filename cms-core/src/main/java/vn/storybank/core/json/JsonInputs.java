package vn.storybank.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;
import vn.storybank.core.error.StorybankException;

/** Turns JSON into input records, with errors that name the offending field. */
public final class JsonInputs {
  private JsonInputs() {}

  public static <T> T convert(JsonNode json, Class<T> type) {
    try {
      return Json.mapper().treeToValue(json, type);
    } catch (JsonProcessingException e) {
      throw invalid(e);
    } catch (IllegalArgumentException e) {
      throw StorybankException.invalid("body", "cannot be read: " + e.getMessage());
    }
  }

  /** A 400 for a JSON body that does not fit the expected shape. */
  public static StorybankException invalid(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known =
          unknown.getKnownPropertyIds() == null
              ? ""
              : " (known: "
                  + unknown.getKnownPropertyIds().stream()
                      .map(String::valueOf)
                      .sorted()
                      .collect(Collectors.joining(", "))
                  + ")";
      return StorybankException.invalid(
          path(unknown), "unknown property '" + unknown.getPropertyName() + "'" + known);
    }
    if (e instanceof CheckedStrings.ForbiddenCharacterException forbidden) {
      return StorybankException.invalid(path(forbidden), forbidden.getOriginalMessage());
    }
    if (e instanceof InvalidNullException) {
      return StorybankException.invalid(
          path((MismatchedInputException) e), "must not be null (leave it out instead)");
    }
    if (e instanceof InvalidFormatException format) {
      return StorybankException.invalid(
          path(format),
          "'" + format.getValue() + "' is not a valid " + format.getTargetType().getSimpleName());
    }
    if (e instanceof MismatchedInputException mismatch) {
      String expected =
          mismatch.getTargetType() == null ? "value" : mismatch.getTargetType().getSimpleName();
      return StorybankException.invalid(
          path(mismatch), "has the wrong JSON type, expected " + expected);
    }
    return StorybankException.invalid("body", "is not valid JSON: " + e.getOriginalMessage());
  }

  private static String path(MismatchedInputException e) {
    StringBuilder path = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }
}
