package vn.storybank.web.delivery;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.partner.PartnerService;
import vn.storybank.web.config.Settings;

/**
 * Who may read through a channel: anyone for a public one, a partner key holder otherwise. A key
 * sent to a public channel is checked and counted too (reach figures per partner).
 */
final class ChannelAccess {
  static final String HEADER = "X-Api-Key";
  static final String PARAMETER = "api_key";

  private final PartnerService partners;
  private final ChannelView channel;
  private final PartnerService.Grant grant;

  private ChannelAccess(PartnerService partners, ChannelView channel, PartnerService.Grant grant) {
    this.partners = partners;
    this.channel = channel;
    this.grant = grant;
  }

  /** Access to a channel; with none, the tenant's public delivery. */
  static ChannelAccess check(
      PartnerService partners,
      ChannelView channel,
      HttpHeaders headers,
      MultivaluedMap<String, String> params) {
    if (channel == null) {
      return new ChannelAccess(partners, null, null);
    }
    String key = headers.getHeaderString(HEADER);
    if (key == null) {
      key = params.getFirst(PARAMETER);
    }
    if (key == null || key.isBlank()) {
      if (!channel.isPublic()) {
        throw new StorybankException(
            ErrorKind.UNAUTHORIZED,
            "Channel "
                + channel.code()
                + " is for partners: send your partner key in the X-Api-Key header or as"
                + " ?api_key=.");
      }
      return new ChannelAccess(partners, channel, null);
    }
    PartnerService.Grant grant = partners.authorize(channel.tenant(), channel.code(), key);
    return new ChannelAccess(partners, channel, grant);
  }

  /** Whether shared caches may keep the answer: public channel and no partner key involved. */
  boolean isPublic() {
    return grant == null && (channel == null || channel.isPublic());
  }

  String cacheControl(Settings settings) {
    return DeliveryHttp.cacheControl(settings, isPublic());
  }

  /** Whether a partner's key came with the request, so that {@link #served} counts it. */
  boolean counts() {
    return grant != null;
  }

  /** Counts the request for the partner's usage figures. */
  void served(String locale) {
    if (grant != null) {
      partners.record(grant, channel.code(), locale);
    }
  }
}
