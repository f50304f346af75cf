package vn.storybank.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.Json;
import vn.storybank.core.json.JsonInputs;
import vn.storybank.core.persistence.Saved;

/** Request bodies to input records, and the answers to writes. */
final class Bodies {
  private Bodies() {}

  static <T> T read(JsonNode body, Class<T> type) {
    return JsonInputs.convert(require(body), type);
  }

  /**
   * The answer to a create-or-replace: the stored value, with {@code notices} when something was
   * stored in another form than the one given (docs/API.md, "Notices"); without them it is the
   * value as a GET shows it.
   */
  static Object saved(Saved<?> saved) {
    if (saved.notices().isEmpty()) {
      return saved.value();
    }
    ObjectNode body = Json.mapper().valueToTree(saved.value());
    body.set("notices", Json.mapper().valueToTree(saved.notices()));
    return body;
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
