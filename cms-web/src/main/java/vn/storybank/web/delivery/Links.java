package vn.storybank.web.delivery;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import vn.storybank.core.delivery.DeliveredItem;
import vn.storybank.core.entry.EntryType;

/**
 * Absolute URLs of a tenant's delivery API, from the configured public address (behind a proxy) or,
 * without one, the address the request came to.
 */
final class Links {
  private final String api;

  private Links(String api) {
    this.api = api;
  }

  static Links of(String publicUrl, UriInfo uri, String tenant) {
    String base =
        publicUrl == null || publicUrl.isBlank()
            ? uri.getBaseUri().toString()
            : (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + "api/";
    return new Links(base + "v1/" + tenant);
  }

  String api() {
    return api;
  }

  static String collection(EntryType type) {
    return switch (type) {
      case STORY -> "stories";
      case PRODUCT -> "products";
      case MEDIA -> "media";
      case COLLECTION -> "collections";
    };
  }

  /** The item in its served locale, by slug where it has one. */
  String item(DeliveredItem item) {
    return item(item.type(), item.id(), item.text().slug(), item.locale());
  }

  String item(EntryType type, UUID id, String slug, String locale) {
    String ref = type == EntryType.MEDIA || slug == null ? id.toString() : encode(slug);
    return api + "/" + collection(type) + "/" + ref + "?locale=" + encode(locale);
  }

  String rendition(UUID media, String preset) {
    return api + "/media/" + media + "/renditions/" + preset;
  }

  String original(UUID media) {
    return api + "/media/" + media + "/original";
  }

  String channel(String channel, String file) {
    return api + "/channels/" + channel + "/" + file;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
