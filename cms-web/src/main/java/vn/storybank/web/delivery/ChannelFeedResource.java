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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.storybank.core.changelog.ChangeService;
import vn.storybank.core.channel.ChannelInput;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.delivery.DeliveredItem;
import vn.storybank.core.delivery.DeliveryService;
import vn.storybank.core.delivery.SyncPage;
import vn.storybank.core.delivery.SyncService;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.Json;
import vn.storybank.core.partner.PartnerService;
import vn.storybank.core.persistence.Page;
import vn.storybank.web.config.Settings;
import vn.storybank.web.http.EntityTags;

/** A channel's feeds (JSON Feed, ninjs, Atom), its screen playlist and partner delta sync. */
@Path("v1/{t}/channels/{c}")
@Dependent
public class ChannelFeedResource {
  private static final Set<String> FEED_PARAMS = Set.of("locale", "limit", "cursor", "api_key");
  private static final Set<String> SYNC_PARAMS = Set.of("after", "limit", "api_key");
  private static final Map<String, FeedFormat> FORMATS =
      Map.of(
          "feed.json", new JsonFeedFormat(),
          "feed.ninjs", new NinjsFormat(),
          "feed.atom", new AtomFormat());
  private static final int PLAYLIST_LENGTH = 30;

  private final DeliveryService delivery;
  private final SyncService sync;
  private final PartnerService partners;
  private final Settings settings;
  private final CachedAnswers answers;
  private final FileSignatures signatures;

  @Inject
  public ChannelFeedResource(
      DeliveryService delivery,
      SyncService sync,
      ChangeService changes,
      PartnerService partners,
      Settings settings,
      DeliveryCache cache,
      FileSignatures signatures) {
    this.signatures = signatures;
    this.delivery = delivery;
    this.sync = sync;
    this.partners = partners;
    this.settings = settings;
    this.answers = new CachedAnswers(changes, partners, cache);
  }

  /** What the channel offers, with the URL of each feed. */
  @GET
  public Response describe(
      @PathParam("t") String tenant,
      @PathParam("c") String code,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    ChannelView channel = delivery.channel(tenant, code);
    Links links = Links.of(settings.publicUrl(), uri, tenant);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("code", channel.code()).put("name", channel.name()).put("access", channel.access());
    body.set("locales", Json.mapper().valueToTree(channel.locales()));
    body.set("formats", Json.mapper().valueToTree(channel.formats()));
    ObjectNode urls = body.putObject("links");
    Map.of(
            "jsonfeed", "feed.json",
            "ninjs", "feed.ninjs",
            "atom", "feed.atom",
            "sync", "sync",
            "playlist", "playlist.json")
        .forEach(
            (format, file) -> {
              if (channel.offers(format)) {
                urls.put(format, links.channel(code, file));
              }
            });
    return Representation.of(NinjsFormat.bytes(body), "application/json; charset=utf-8")
        .cacheControl(DeliveryHttp.cacheControl(settings, true))
        .respond();
  }

  @GET
  @Path("feed.json")
  public Response jsonFeed(
      @PathParam("t") String tenant,
      @PathParam("c") String code,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return feed(tenant, code, "feed.json", headers, uri);
  }

  @GET
  @Path("feed.ninjs")
  public Response ninjsFeed(
      @PathParam("t") String tenant,
      @PathParam("c") String code,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return feed(tenant, code, "feed.ninjs", headers, uri);
  }

  @GET
  @Path("feed.atom")
  public Response atomFeed(
      @PathParam("t") String tenant,
      @PathParam("c") String code,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return feed(tenant, code, "feed.atom", headers, uri);
  }

  private Response feed(String tenant, String code, String file, HttpHeaders headers, UriInfo uri) {
    MultivaluedMap<String, String> params = uri.getQueryParameters();
    DeliveryHttp.onlyKnown(params, FEED_PARAMS);
    FeedFormat format = FORMATS.get(file);
    return answers.serve(
        () -> offering(tenant, code, format.code()),
        headers,
        uri,
        (channel, access) -> renderFeed(tenant, channel, file, format, access, headers, uri));
  }

  /** A feed page rendered from the database. */
  private CachedAnswers.Rendered renderFeed(
      String tenant,
      ChannelView channel,
      String file,
      FeedFormat format,
      ChannelAccess access,
      HttpHeaders headers,
      UriInfo uri) {
    MultivaluedMap<String, String> params = uri.getQueryParameters();
    String code = channel.code();
    DeliveryService.Ask ask =
        new DeliveryService.Ask(
            tenant,
            code,
            params.getFirst("locale"),
            headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    Page<DeliveredItem> page =
        delivery.list(
            ask,
            null,
            null,
            params.getFirst("cursor"),
            DeliveryHttp.limit(params.getFirst("limit")));
    String locale =
        page.items().isEmpty() ? delivery.locale(ask) : page.items().get(0).requestedLocale();
    Links links = Links.of(settings.publicUrl(), uri, tenant).forChannel(channel, signatures);
    // Every page's links keep what the reader asked for: the locale and the page size.
    String limit = params.getFirst("limit");
    String self =
        links.channel(code, file)
            + "?locale="
            + Links.encode(locale)
            + (limit == null ? "" : "&limit=" + Links.encode(limit.trim()));
    String cursor = params.getFirst("cursor");
    String tenantName = tenantName(tenant, locale);
    Feed feed =
        new Feed(
            channel,
            tenantName,
            tenantName + " – " + channel.name(),
            locale,
            page.items(),
            cursor == null ? self : self + "&cursor=" + Links.encode(cursor),
            page.next() == null ? null : self + "&cursor=" + Links.encode(page.next()),
            links);
    return new CachedAnswers.Rendered(
        Representation.of(format.render(feed), format.mediaType())
            .language(Representation.languages(feed.languages()))
            .lastModified(feed.updated())
            .cacheControl(access.cacheControl(settings)),
        locale);
  }

  /**
   * The border-gate screens' playlist: the newest items in order, each with a display time, the
   * screen renditions and a short text in every channel locale.
   */
  @GET
  @Path("playlist.json")
  public Response playlist(
      @PathParam("t") String tenant,
      @PathParam("c") String code,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    DeliveryHttp.onlyKnown(uri.getQueryParameters(), Set.of("api_key"));
    return answers.serve(
        () -> offering(tenant, code, "playlist"),
        headers,
        uri,
        (channel, access) -> renderPlaylist(tenant, channel, access, uri));
  }

  private CachedAnswers.Rendered renderPlaylist(
      String tenant, ChannelView channel, ChannelAccess access, UriInfo uri) {
    String code = channel.code();
    List<ChannelInput.LocaleInput> locales = channel.locales();
    Page<DeliveredItem> page =
        delivery.list(
            new DeliveryService.Ask(tenant, code, channel.defaultLocale(), null),
            null,
            null,
            null,
            PLAYLIST_LENGTH);
    List<UUID> ids = page.items().stream().map(DeliveredItem::id).toList();
    Map<String, Map<UUID, DeliveredItem>> byLocale = new java.util.LinkedHashMap<>();
    for (ChannelInput.LocaleInput locale : locales) {
      byLocale.put(
          locale.tag(),
          delivery.items(new DeliveryService.Ask(tenant, code, locale.tag(), null), ids));
    }
    Links links = Links.of(settings.publicUrl(), uri, tenant).forChannel(channel, signatures);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("channel", code);
    body.set(
        "locales",
        Json.mapper().valueToTree(locales.stream().map(ChannelInput.LocaleInput::tag).toList()));
    ArrayNode items = body.putArray("items");
    int position = 0;
    for (DeliveredItem item : page.items()) {
      ObjectNode entry = items.addObject();
      entry.put("position", ++position);
      entry.put("id", item.id().toString());
      entry.put("type", item.type().code());
      int words = 0;
      ObjectNode texts = entry.putObject("texts");
      for (var locale : byLocale.entrySet()) {
        DeliveredItem localized = locale.getValue().get(item.id());
        if (localized != null) {
          String summary = shorten(localized.text().summary(), 200);
          texts
              .putObject(locale.getKey())
              .put("locale", localized.locale())
              .put("title", localized.text().title())
              .put("text", summary);
          words = Math.max(words, wordCount(localized.text().title()) + wordCount(summary));
        }
      }
      // Long enough to read the longest of the texts at a screen's pace, 8 to 30 seconds.
      entry.put("durationSeconds", Math.min(30, Math.max(8, 4 + words / 3)));
      item.image("hero", "self", "media", "poster")
          .ifPresent(
              image -> {
                ObjectNode renditions = entry.putObject("images");
                renditions.put(
                    "landscape",
                    links.rendition(image.id(), channel.preset("screen", "screen-landscape")));
                renditions.put("portrait", links.rendition(image.id(), "screen-portrait"));
                String credit = ItemJson.creditLine(image);
                if (credit != null) {
                  entry.put("credit", credit);
                }
              });
    }
    return new CachedAnswers.Rendered(
        Representation.of(NinjsFormat.bytes(body), "application/json; charset=utf-8")
            .cacheControl(access.cacheControl(settings)),
        channel.defaultLocale());
  }

  /** Changes and tombstones since {@code after}; without it, the channel's whole content. */
  @GET
  @Path("sync")
  public Response sync(
      @PathParam("t") String tenant,
      @PathParam("c") String code,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    MultivaluedMap<String, String> params = uri.getQueryParameters();
    DeliveryHttp.onlyKnown(params, SYNC_PARAMS);
    ChannelView channel = delivery.channel(tenant, code);
    requireFormat(channel, "sync");
    ChannelAccess access = ChannelAccess.check(partners, channel, headers, params);
    String limit = params.getFirst("limit");
    SyncPage page =
        sync.sync(
            tenant,
            code,
            params.getFirst("after"),
            limit == null ? 100 : DeliveryHttp.limit(limit));
    Links links = Links.of(settings.publicUrl(), uri, tenant).forChannel(channel, signatures);
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode items = body.putArray("items");
    for (SyncPage.Item item : page.items()) {
      ObjectNode node = items.addObject();
      node.put("id", item.id().toString())
          .put("type", item.type().code())
          .put("version", item.version());
      ObjectNode locales = node.putObject("locales");
      item.locales()
          .forEach((locale, delivered) -> locales.set(locale, ItemJson.of(delivered, links)));
    }
    body.set("deleted", Json.mapper().valueToTree(page.deleted()));
    body.put("more", page.more());
    // The validator: the answer without the moment its token was issued (see SyncPage.position),
    // so that identical calls on an unchanged bank answer the same tag, and a 304 when sent back.
    // Weak, since the bytes of two such answers differ; the token a client keeps from either
    // gives it the channel's content.
    String etag = EntityTags.weak(NinjsFormat.bytes(body.deepCopy().put("next", page.position())));
    body.put("next", page.next());
    String nextUrl = links.channel(code, "sync") + "?after=" + Links.encode(page.next());
    body.put("nextUrl", limit == null ? nextUrl : nextUrl + "&limit=" + Links.encode(limit));
    // A sync page holds every channel locale; it counts under the channel's default one.
    access.served(channel.defaultLocale());
    return Response.ok(NinjsFormat.bytes(body), "application/json; charset=utf-8")
        .header(HttpHeaders.ETAG, etag)
        .header(HttpHeaders.VARY, "Accept, Accept-Language")
        .header(
            HttpHeaders.CACHE_CONTROL,
            access.isPublic() ? "public, max-age=0, must-revalidate" : "private, no-cache")
        .build();
  }

  private String tenantName(String tenant, String locale) {
    Map<String, String> names = delivery.tenantNames(tenant);
    return names.getOrDefault(locale, names.values().iterator().next());
  }

  private ChannelView offering(String tenant, String code, String format) {
    ChannelView channel = delivery.channel(tenant, code);
    requireFormat(channel, format);
    return channel;
  }

  private static void requireFormat(ChannelView channel, String format) {
    if (!channel.offers(format)) {
      throw StorybankException.notFound(
          "Channel "
              + channel.code()
              + " does not offer "
              + format
              + "; it offers "
              + channel.formats()
              + ".");
    }
  }

  private static String shorten(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    return text.substring(0, cut > max / 2 ? cut : max - 1) + "…";
  }

  private static int wordCount(String text) {
    return text == null || text.isBlank() ? 0 : text.trim().split("\\s+").length;
  }
}
