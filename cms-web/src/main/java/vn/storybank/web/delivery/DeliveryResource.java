package vn.storybank.web.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import vn.storybank.core.changelog.ChangeService;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.delivery.DeliveredItem;
import vn.storybank.core.delivery.DeliveryService;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.json.Json;
import vn.storybank.core.partner.PartnerService;
import vn.storybank.core.persistence.Page;
import vn.storybank.core.tenant.TenantService;
import vn.storybank.web.config.Settings;

/**
 * The published-only item API: entries by id or slug and lists, per tenant or through a channel, as
 * JSON, schema.org JSON-LD ({@code Accept: application/ld+json}) or ninjs ({@code ?format=ninjs});
 * and the tenant's sitemap.
 */
@Path("v1/{t}")
@Dependent
public class DeliveryResource {
  private static final Set<String> LIST_PARAMS =
      Set.of("locale", "channel", "kind", "limit", "cursor", "api_key");

  private final DeliveryService delivery;
  private final Settings settings;
  private final ItemResponses items;
  private final CachedAnswers answers;
  private final FileSignatures signatures;

  @Inject
  public DeliveryResource(
      DeliveryService delivery,
      TenantService tenants,
      ChangeService changes,
      PartnerService partners,
      Settings settings,
      DeliveryCache cache,
      FileSignatures signatures) {
    this.delivery = delivery;
    this.settings = settings;
    this.signatures = signatures;
    this.answers = new CachedAnswers(changes, partners, cache);
    this.items = new ItemResponses(delivery, tenants, settings, answers, signatures);
  }

  @GET
  @Path("stories/{ref}")
  public Response story(
      @PathParam("t") String tenant,
      @PathParam("ref") String ref,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return items.item(tenant, EntryType.STORY, ref, headers, uri);
  }

  @GET
  @Path("products/{ref}")
  public Response product(
      @PathParam("t") String tenant,
      @PathParam("ref") String ref,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return items.item(tenant, EntryType.PRODUCT, ref, headers, uri);
  }

  @GET
  @Path("collections/{ref}")
  public Response collection(
      @PathParam("t") String tenant,
      @PathParam("ref") String ref,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return items.item(tenant, EntryType.COLLECTION, ref, headers, uri);
  }

  @GET
  @Path("stories")
  public Response stories(
      @PathParam("t") String tenant, @Context HttpHeaders headers, @Context UriInfo uri) {
    return list(tenant, EntryType.STORY, headers, uri);
  }

  @GET
  @Path("products")
  public Response products(
      @PathParam("t") String tenant, @Context HttpHeaders headers, @Context UriInfo uri) {
    return list(tenant, EntryType.PRODUCT, headers, uri);
  }

  @GET
  @Path("media")
  public Response media(
      @PathParam("t") String tenant, @Context HttpHeaders headers, @Context UriInfo uri) {
    return list(tenant, EntryType.MEDIA, headers, uri);
  }

  @GET
  @Path("collections")
  public Response collections(
      @PathParam("t") String tenant, @Context HttpHeaders headers, @Context UriInfo uri) {
    return list(tenant, EntryType.COLLECTION, headers, uri);
  }

  /** The sitemap, or past 50,000 URLs a sitemap index over {@code sitemap-N.xml} files. */
  @GET
  @Path("sitemap.xml")
  public Response sitemap(@PathParam("t") String tenant, @Context UriInfo uri) {
    return sitemapResponse(sitemaps(tenant, uri).root());
  }

  @GET
  @Path("sitemap-{n: [0-9]{1,6}}.xml")
  public Response sitemapPart(
      @PathParam("t") String tenant, @PathParam("n") int part, @Context UriInfo uri) {
    return sitemapResponse(sitemaps(tenant, uri).part(part));
  }

  private Sitemaps sitemaps(String tenant, UriInfo uri) {
    return new Sitemaps(delivery, Links.of(settings.publicUrl(), uri, tenant), tenant);
  }

  private Response sitemapResponse(byte[] xml) {
    return Representation.of(xml, Sitemaps.MEDIA_TYPE)
        .cacheControl(DeliveryHttp.cacheControl(settings, true))
        .respond();
  }

  private Response list(String tenant, EntryType type, HttpHeaders headers, UriInfo uri) {
    MultivaluedMap<String, String> params = uri.getQueryParameters();
    DeliveryHttp.onlyKnown(params, LIST_PARAMS);
    DeliveryService.Ask ask = ask(tenant, params, headers);
    return answers.serve(
        namedChannel(delivery, ask),
        headers,
        uri,
        (channel, access) -> renderList(ask, type, channel, access, uri));
  }

  private CachedAnswers.Rendered renderList(
      DeliveryService.Ask ask,
      EntryType type,
      ChannelView channel,
      ChannelAccess access,
      UriInfo uri) {
    MultivaluedMap<String, String> params = uri.getQueryParameters();
    Page<DeliveredItem> page =
        delivery.list(
            ask,
            type,
            params.getFirst("kind"),
            params.getFirst("cursor"),
            DeliveryHttp.limit(params.getFirst("limit")));
    Links links = Links.of(settings.publicUrl(), uri, ask.tenant()).forChannel(channel, signatures);
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode items = body.putArray("items");
    page.items().forEach(i -> items.add(ItemJson.of(i, links)));
    body.put("next", page.next());
    Instant newest =
        page.items().stream().map(DeliveredItem::updatedAt).max(Instant::compareTo).orElse(null);
    Representation representation =
        Representation.of(NinjsFormat.bytes(body), "application/json; charset=utf-8")
            .cacheControl(access.cacheControl(settings));
    if (newest != null) {
      representation.lastModified(newest);
    }
    // The languages the items are in: fallbacks are not in the locale asked for.
    representation.language(
        Representation.languages(
            page.items().stream()
                .map(DeliveredItem::locale)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new))));
    // An empty page says nothing of the locale: ask only when a partner's request is counted.
    String locale =
        !page.items().isEmpty()
            ? page.items().get(0).requestedLocale()
            : access.counts() ? delivery.locale(ask) : null;
    return new CachedAnswers.Rendered(representation, locale);
  }

  /** The channel the request names (looked up, so unknown is 404), or null when it names none. */
  static Supplier<ChannelView> namedChannel(DeliveryService delivery, DeliveryService.Ask ask) {
    return () -> ask.channel() == null ? null : delivery.channel(ask.tenant(), ask.channel());
  }

  static DeliveryService.Ask ask(
      String tenant, MultivaluedMap<String, String> params, HttpHeaders headers) {
    return new DeliveryService.Ask(
        tenant,
        params.getFirst("channel"),
        params.getFirst("locale"),
        headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }
}
