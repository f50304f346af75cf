package vn.storybank.web.admin;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import vn.storybank.core.entry.ListQuery;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.error.Violations;

/** Query parameters of entry lists, with an error that names each bad one. */
public final class ListParams {
  static final Set<String> KNOWN =
      Set.of(
          "limit",
          "cursor",
          "sort",
          "kind",
          "pillar",
          "topic",
          "place",
          "ethnicGroup",
          "market",
          "status",
          "locale",
          "missing",
          "updatedSince",
          "q",
          "stars",
          "view");

  private ListParams() {}

  static ListQuery from(UriInfo uri) {
    MultivaluedMap<String, String> params = uri.getQueryParameters();
    Violations v = new Violations();
    for (String name : params.keySet()) {
      if (!KNOWN.contains(name)) {
        v.add(
            name,
            "is not a filter of this list; known: "
                + String.join(", ", KNOWN.stream().sorted().toList()));
      }
    }
    int limit = integer(params.getFirst("limit"), "limit", ListQuery.DEFAULT_LIMIT, v);
    if (limit < 1 || limit > ListQuery.MAX_LIMIT) {
      v.add("limit", "must be between 1 and " + ListQuery.MAX_LIMIT);
    }
    Integer stars =
        params.getFirst("stars") == null ? null : integer(params.getFirst("stars"), "stars", 0, v);
    TranslationStatus status = null;
    if (params.getFirst("status") != null) {
      try {
        status = TranslationStatus.ofCode(params.getFirst("status"));
      } catch (IllegalArgumentException e) {
        v.add("status", "must be draft, published or archived");
      }
    }
    Instant since = null;
    if (params.getFirst("updatedSince") != null) {
      try {
        since = OffsetDateTime.parse(params.getFirst("updatedSince")).toInstant();
      } catch (DateTimeParseException e) {
        v.add(
            "updatedSince",
            "must be an ISO 8601 date-time with offset, e.g. 2026-01-31T00:00:00+07:00");
      }
    }
    v.throwIfAny();
    return new ListQuery(
        params.getFirst("kind"),
        params.getFirst("pillar"),
        params.getFirst("topic"),
        params.getFirst("place"),
        params.getFirst("ethnicGroup"),
        params.getFirst("market"),
        status,
        params.getFirst("locale"),
        params.getFirst("missing"),
        since,
        params.getFirst("q"),
        stars,
        params.getFirst("sort"),
        limit,
        params.getFirst("cursor"));
  }

  /**
   * Whether the list should give whole entries ({@code view=full}) rather than the summaries a list
   * screen shows ({@code view=summary}, the default).
   */
  static boolean wantsFullView(UriInfo uri) {
    String view = uri.getQueryParameters().getFirst("view");
    if (view == null || view.equals("summary")) {
      return false;
    }
    if (view.equals("full")) {
      return true;
    }
    Violations v = new Violations();
    v.add(
        "view", "must be summary (the default: what a list screen shows) or full (whole entries)");
    v.throwIfAny();
    return true;
  }

  public static int integer(String value, String name, int fallback, Violations v) {
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      v.add(name, "must be a whole number");
      return fallback;
    }
  }
}
