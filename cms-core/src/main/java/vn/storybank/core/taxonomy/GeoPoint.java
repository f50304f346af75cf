package vn.storybank.core.taxonomy;

import vn.storybank.core.error.Violations;

/** A WGS 84 position in decimal degrees. */
public record GeoPoint(Double lat, Double lon) {

  public static GeoPoint of(Double lat, Double lon) {
    return lat == null || lon == null ? null : new GeoPoint(lat, lon);
  }

  public static void validate(String field, GeoPoint point, Violations violations) {
    if (point == null) {
      return;
    }
    if (point.lat() == null || point.lat() < -90 || point.lat() > 90) {
      violations.add(field + ".lat", "must be a latitude between -90 and 90");
    }
    if (point.lon() == null || point.lon() < -180 || point.lon() > 180) {
      violations.add(field + ".lon", "must be a longitude between -180 and 180");
    }
  }
}
