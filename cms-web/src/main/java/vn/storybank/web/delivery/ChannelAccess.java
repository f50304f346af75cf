package vn.storybank.web.delivery;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import vn.storybank.core.Storybank;
import vn.storybank.core.channel.ChannelView;
import vn.storybank.core.delivery.DeliveryService;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;

/** Who may read through a channel: anyone for a public one, a partner key holder otherwise. */
final class ChannelAccess {
  private ChannelAccess() {}

  /** Returns whether the answer is public (cacheable by shared caches). */
  static boolean check(
      Storybank storybank,
      DeliveryService.Ask ask,
      HttpHeaders headers,
      MultivaluedMap<String, String> params) {
    if (ask.channel() == null) {
      return true;
    }
    return check(storybank.delivery().channel(ask.tenant(), ask.channel()), headers, params);
  }

  static boolean check(
      ChannelView channel, HttpHeaders headers, MultivaluedMap<String, String> params) {
    if (channel.isPublic()) {
      return true;
    }
    throw new StorybankException(
        ErrorKind.UNAUTHORIZED,
        "Channel "
            + channel.code()
            + " is for partners: send your partner key in the X-Api-Key header or as ?api_key=.");
  }
}
