package vn.storybank.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.JsonInputs;

/** Request bodies to input records. */
final class Bodies {
  private Bodies() {}

  static <T> T read(JsonNode body, Class<T> type) {
    return JsonInputs.convert(require(body), type);
  }

  static JsonNode require(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      throw StorybankException.invalid("body", "is required: send a JSON object");
    }
    if (!body.isObject()) {
      throw StorybankException.invalid("body", "must be a JSON object");
    }
    return body;
  }
}
