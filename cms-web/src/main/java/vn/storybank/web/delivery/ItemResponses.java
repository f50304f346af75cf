package vn.storybank.web.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.delivery.DeliveredItem;
import vn.storybank.core.delivery.DeliveryService;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.tenant.TenantService;
import vn.storybank.web.config.Settings;

/**
 * One delivered item as a response: JSON (with {@code include}d links), schema.org JSON-LD on
 * {@code Accept: application/ld+json}, or ninjs with {@code ?format=ninjs}.
 */
final class ItemResponses {
  private static final Set<String> ITEM_PARAMS =
      Set.of("locale", "channel", "include", "depth", "format", "api_key");
  private static final Set<String> INCLUDABLE =
      Set.of("relatedStories", "relatedProducts", "stories", "items");
  private static final int MAX_DEPTH = 2;

  private final DeliveryService delivery;
  private final TenantService tenants;
  private final Settings settings;
  private final CachedAnswers answers;
  private final FileSignatures signatures;

  ItemResponses(
      DeliveryService delivery,
      TenantService tenants,
      Settings settings,
      CachedAnswers answers,
      FileSignatures signatures) {
    this.delivery = delivery;
    this.tenants = tenants;
    this.settings = settings;
    this.signatures = signatures;
    this.answers = answers;
  }

  Response item(String tenant, EntryType type, String ref, HttpHeaders headers, UriInfo uri) {
    MultivaluedMap<String, String> params = uri.getQueryParameters();
    DeliveryHttp.onlyKnown(params, ITEM_PARAMS);
    DeliveryService.Ask ask = DeliveryResource.ask(tenant, params, headers);
    return answers.serve(
        DeliveryResource.namedChannel(delivery, ask),
        headers,
        uri,
        (channel, access) -> render(ask, type, ref, channel, access, headers, uri));
  }

  private CachedAnswers.Rendered render(
      DeliveryService.Ask ask,
      EntryType type,
      String ref,
      ChannelView channel,
      ChannelAccess access,
      HttpHeaders headers,
      UriInfo uri) {
    MultivaluedMap<String, String> params = uri.getQueryParameters();
    String tenant = ask.tenant();
    DeliveredItem item = delivery.item(ask, type, ref);
    Links links = Links.of(settings.publicUrl(), uri, tenant).forChannel(channel, signatures);
    String format = params.getFirst("format");
    byte[] body;
    String contentType;
    if ("ninjs".equals(format)) {
      body = NinjsFormat.bytes(NinjsFormat.item(item, tenantName(tenant, item), links, "hero"));
      contentType = "application/json; charset=utf-8";
    } else if (format != null && !format.equals("json")) {
      throw StorybankException.invalid(
          "format", "must be json or ninjs (JSON-LD: Accept: application/ld+json)");
    } else if (wantsJsonLd(headers)) {
      body = JsonLd.bytes(item, tenantName(tenant, item), links);
      contentType = JsonLd.MEDIA_TYPE + "; charset=utf-8";
    } else {
      ObjectNode node = ItemJson.of(item, links);
      include(node, item, ask, params, links);
      body = NinjsFormat.bytes(node);
      contentType = "application/json; charset=utf-8";
    }
    return new CachedAnswers.Rendered(
        Representation.of(body, contentType)
            .language(item.locale())
            .lastModified(item.updatedAt())
            .cacheControl(access.cacheControl(settings)),
        item.requestedLocale());
  }

  /**
   * Adds the linked entries asked for in {@code include} as {@code included}, keyed by id, up to
   * {@code depth} links away (at most 2); those not live in this scope are left out.
   */
  private void include(
      ObjectNode node,
      DeliveredItem item,
      DeliveryService.Ask ask,
      MultivaluedMap<String, String> params,
      Links links) {
    String include = params.getFirst("include");
    if (include == null || include.isBlank()) {
      return;
    }
    Set<String> roles = new LinkedHashSet<>();
    for (String role : include.split(",")) {
      String r = role.trim();
      if (r.equals("related")) {
        roles.addAll(INCLUDABLE);
      } else if (INCLUDABLE.contains(r)) {
        roles.add(r);
      } else {
        throw StorybankException.invalid(
            "include", "'" + r + "' cannot be included; use related or some of " + INCLUDABLE);
      }
    }
    int depth = depth(params.getFirst("depth"));
    ObjectNode included = node.putObject("included");
    Set<UUID> seen = new LinkedHashSet<>(Set.of(item.id()));
    List<DeliveredItem> level = List.of(item);
    for (int d = 0; d < depth && !level.isEmpty(); d++) {
      Set<UUID> wanted = new LinkedHashSet<>();
      for (DeliveredItem parent : level) {
        for (Map.Entry<String, List<UUID>> role : parent.related().entrySet()) {
          if (roles.contains(role.getKey())) {
            role.getValue().stream().filter(seen::add).forEach(wanted::add);
          }
        }
      }
      List<DeliveredItem> next = new ArrayList<>(delivery.items(ask, wanted).values());
      next.forEach(i -> included.set(i.id().toString(), ItemJson.of(i, links)));
      level = next;
    }
  }

  private static int depth(String value) {
    if (value == null) {
      return 1;
    }
    try {
      int depth = Integer.parseInt(value);
      if (depth >= 1 && depth <= MAX_DEPTH) {
        return depth;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw StorybankException.invalid("depth", "must be 1 or 2: how many links away to include");
  }

  /** The tenant's name in the served locale: the originator in ninjs, the publisher in JSON-LD. */
  private String tenantName(String tenant, DeliveredItem item) {
    return tenants.get(tenant, DeliveryHttp.READER).names().getOrDefault(item.locale(), tenant);
  }

  private static boolean wantsJsonLd(HttpHeaders headers) {
    String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
    return accept != null && accept.contains(JsonLd.MEDIA_TYPE);
  }
}
