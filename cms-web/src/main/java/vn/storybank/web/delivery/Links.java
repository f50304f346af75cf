package vn.storybank.web.delivery;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.delivery.DeliveredItem;
import vn.storybank.core.entry.EntryType;

/**
 * Absolute URLs of a tenant's delivery API, from the configured public address (behind a proxy) or,
 * without one, the address the request came to.
 */
final class Links {
  private final String api;
  private final String tenant;

  /** The channel media URLs are scoped to (checked against each asset's allowed channels). */
  private final String channel;

  /** Signs media URLs, for a key-protected channel only; null otherwise. */
  private final FileSignatures signatures;

  private Links(String api, String tenant, String channel, FileSignatures signatures) {
    this.api = api;
    this.tenant = tenant;
    this.channel = channel;
    this.signatures = signatures;
  }

  static Links of(String publicUrl, UriInfo uri, String tenant) {
    String base =
        publicUrl == null || publicUrl.isBlank()
            ? uri.getBaseUri().toString()
            : (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + "api/";
    return new Links(base + "v1/" + tenant, tenant, null, null);
  }

  /**
   * The same links, with media URLs that name the channel: delivery checks them against the asset's
   * allowed channels, and an asset licensed for partner channels only has no plain URL. A
   * key-protected channel's media URLs are signed, so that they open without the key.
   */
  Links forChannel(ChannelView channel, FileSignatures signatures) {
    return channel == null
        ? this
        : new Links(api, tenant, channel.code(), channel.isPublic() ? null : signatures);
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
    return file(media, "renditions/" + preset);
  }

  String original(UUID media) {
    return file(media, "original");
  }

  private String file(UUID media, String file) {
    String url = api + "/media/" + media + "/" + file;
    if (channel == null) {
      return url;
    }
    url += "?channel=" + encode(channel);
    return signatures == null ? url : url + signatures.query(tenant, media, file, channel);
  }

  String channel(String channel, String file) {
    return api + "/channels/" + channel + "/" + file;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
