package vn.storybank.web.search;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.storybank.core.error.Violations;
import vn.storybank.search.Facet;
import vn.storybank.search.SearchRequest;
import vn.storybank.search.SearchRequest.Audience;
import vn.storybank.search.SearchRequest.BoundingBox;
import vn.storybank.search.SearchRequest.GeoRadius;
import vn.storybank.web.admin.ListParams;

/** The query parameters of a search, each bad one named in the error. */
final class SearchParams {
  private static final Set<String> COMMON =
      Set.of(
          "q",
          "locale",
          "from",
          "to",
          "near",
          "within",
          "hasMedia",
          "recency",
          "sort",
          "offset",
          "limit");

  private SearchParams() {}

  static SearchRequest parse(String tenant, Audience audience, UriInfo uri) {
    MultivaluedMap<String, String> params = uri.getQueryParameters();
    Violations v = new Violations();
    Set<String> known = new TreeSet<>(COMMON);
    for (Facet facet : Facet.values()) {
      if (audience == Audience.EDITOR || facet != Facet.STATUS) {
        known.add(facet.parameter());
      }
    }
    if (audience == Audience.EDITOR) {
      known.add("rightsValid");
    } else {
      known.add("fallback");
    }
    for (String name : params.keySet()) {
      if (!known.contains(name)) {
        v.add(name, "is not a search parameter or facet; known: " + String.join(", ", known));
      }
    }
    Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
    for (Facet facet : Facet.values()) {
      List<String> values = new ArrayList<>();
      for (String value : params.getOrDefault(facet.parameter(), List.of())) {
        for (String part : value.split(",")) {
          if (!part.isBlank()) {
            values.add(part.strip());
          }
        }
      }
      if (!values.isEmpty() && known.contains(facet.parameter())) {
        filters.put(facet, values);
      }
    }
    String locale = locale(audience, filters, v);
    Boolean fallback = bool(params.getFirst("fallback"), "fallback", v);
    if (locale != null && Boolean.FALSE.equals(fallback)) {
      // Only hits in the reader's own locale: the locale facet's selection, so the facet still
      // counts the fallbacks left out.
      filters.put(Facet.LOCALE, List.of(locale));
    }
    SearchRequest request =
        new SearchRequest(
            tenant,
            audience,
            params.getFirst("q"),
            locale,
            filters,
            date(params.getFirst("from"), "from", v),
            date(params.getFirst("to"), "to", v),
            near(params.getFirst("near"), v),
            within(params.getFirst("within"), v),
            bool(params.getFirst("hasMedia"), "hasMedia", v),
            Boolean.TRUE.equals(bool(params.getFirst("rightsValid"), "rightsValid", v)),
            Boolean.TRUE.equals(bool(params.getFirst("recency"), "recency", v)),
            params.getFirst("sort"),
            ListParams.integer(params.getFirst("offset"), "offset", 0, v),
            ListParams.integer(params.getFirst("limit"), "limit", 20, v));
    v.throwIfAny();
    return request;
  }

  /**
   * The public's locale is the reader's, not a filter: a filter would drop the hits that fall back
   * to another locale (the locale facet still counts hits by the language they are in). An editor's
   * locales are the locale facet's selection; when there is one, labels are shown in it.
   */
  private static String locale(Audience audience, Map<Facet, List<String>> filters, Violations v) {
    List<String> locales = filters.getOrDefault(Facet.LOCALE, List.of());
    if (audience == Audience.PUBLIC) {
      filters.remove(Facet.LOCALE);
      if (locales.size() > 1) {
        v.add("locale", "The public reads in one locale; give one.");
      }
      return locales.isEmpty() ? null : locales.get(0);
    }
    return locales.size() == 1 ? locales.get(0) : null;
  }

  private static Boolean bool(String value, String name, Violations v) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        v.add(name, "must be true or false");
        yield null;
      }
    };
  }

  private static LocalDate date(String value, String name, Violations v) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      v.add(name, "must be a date like 2026-01-31");
      return null;
    }
  }

  private static GeoRadius near(String value, Violations v) {
    double[] numbers =
        numbers(value, 3, "near", "latitude,longitude,kilometres, e.g. 22.33,103.84,10", v);
    return numbers == null ? null : new GeoRadius(numbers[0], numbers[1], numbers[2]);
  }

  private static BoundingBox within(String value, Violations v) {
    double[] numbers =
        numbers(value, 4, "within", "south,west,north,east, e.g. 22.2,103.7,22.6,104.1", v);
    return numbers == null ? null : new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
  }

  private static double[] numbers(
      String value, int count, String name, String shape, Violations v) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String[] parts = value.split(",");
    if (parts.length != count) {
      v.add(name, "must be " + shape);
      return null;
    }
    double[] numbers = new double[count];
    try {
      for (int i = 0; i < count; i++) {
        numbers[i] = Double.parseDouble(parts[i].strip());
        if (!Double.isFinite(numbers[i])) {
          throw new NumberFormatException();
        }
      }
    } catch (NumberFormatException e) {
      v.add(name, "must be " + shape);
      return null;
    }
    return numbers;
  }
}
