package vn.storybank.web.delivery;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Set;
import vn.storybank.core.account.Actor;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.web.config.Settings;

/** What the delivery resources share: cache policy, query checks and absolute links. */
final class DeliveryHttp {
  /**
   * Who reads for an anonymous reader or a partner: the process itself, which shows only what is
   * published (delivery's own rule), on behalf of no member.
   */
  static final Actor READER = Actor.system("delivery");

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 200;

  private DeliveryHttp() {}

  /** Public responses may be cached for the configured time; partner responses revalidate. */
  static String cacheControl(Settings settings, boolean isPublic) {
    int maxAge = settings.deliveryMaxAge();
    return isPublic
        ? "public, max-age=" + maxAge + ", stale-while-revalidate=" + maxAge
        : "private, no-cache";
  }

  /** Rejects parameters the endpoint does not know, naming the ones it does. */
  static void onlyKnown(MultivaluedMap<String, String> params, Set<String> known) {
    Violations v = new Violations();
    for (String name : params.keySet()) {
      if (!known.contains(name)) {
        v.add(
            name,
            "is not a parameter here; known: "
                + String.join(", ", known.stream().sorted().toList()));
      }
    }
    v.throwIfAny();
  }

  static int limit(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw StorybankException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }
}
