package vn.storybank.web.delivery;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Supplier;
import vn.storybank.core.changelog.ChangeService;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.partner.PartnerService;

/**
 * Answers of the delivery API (feed pages, playlists, lists, items) through this node's {@link
 * DeliveryCache}. The channel's access rules are checked, and a partner's request counted, on every
 * request, whether it is served from the cache or rendered.
 */
final class CachedAnswers {
  /** Renders an answer for a channel (null: the tenant's public delivery) and an access check. */
  interface Renderer {
    Rendered render(ChannelView channel, ChannelAccess access);
  }

  /** A rendered answer and the locale it served (for the partner's usage count). */
  record Rendered(Representation representation, String locale) {}

  private final ChangeService changes;
  private final PartnerService partners;
  private final DeliveryCache cache;

  CachedAnswers(ChangeService changes, PartnerService partners, DeliveryCache cache) {
    this.changes = changes;
    this.partners = partners;
    this.cache = cache;
  }

  /**
   * @param channel looks up (and validates) the channel the request names, or gives null for none;
   *     only called when the answer has to be rendered
   */
  Response serve(
      Supplier<ChannelView> channel, HttpHeaders headers, UriInfo uri, Renderer renderer) {
    MultivaluedMap<String, String> params = uri.getQueryParameters();
    // Read before rendering: a write committed meanwhile leaves the entry already out of date.
    long head = changes.recentHead();
    boolean withKey =
        headers.getHeaderString(ChannelAccess.HEADER) != null
            || params.containsKey(ChannelAccess.PARAMETER);
    String key =
        uri.getRequestUri()
            + "|"
            + headers.getHeaderString(HttpHeaders.ACCEPT)
            + "|"
            + headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)
            + "|"
            + withKey;
    DeliveryCache.Cached hit = cache.get(key, head);
    // Set only when this request renders; requests served what another rendered check for
    // themselves, like cache hits.
    ChannelAccess[] checkedWhileRendering = new ChannelAccess[1];
    if (hit == null) {
      hit =
          cache.render(
              key,
              head,
              () -> {
                ChannelView named = channel.get();
                ChannelAccess access = ChannelAccess.check(partners, named, headers, params);
                checkedWhileRendering[0] = access;
                Rendered rendered = renderer.render(named, access);
                return new DeliveryCache.Cached(
                    rendered.representation(), named, rendered.locale(), head, System.nanoTime());
              });
    }
    ChannelAccess access =
        checkedWhileRendering[0] != null
            ? checkedWhileRendering[0]
            : ChannelAccess.check(partners, hit.channel(), headers, params);
    access.served(hit.locale());
    return hit.representation().respond();
  }
}
