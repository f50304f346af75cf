package vn.storybank.core.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The SSRF guard: a subscription may only make Storybank call public http(s) addresses, unless the
 * operator allows private ones. Checked when subscribing and again before every attempt, since DNS
 * answers change.
 */
final class Targets {
  /** How an operator turns the guard off, as the refusal tells them (WebhookSettings). */
  static final String ALLOW_PRIVATE_SETTING =
      "cms.webhooks.allow-private-targets=true (environment variable"
          + " CMS_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true)";

  private final boolean allowPrivate;

  Targets(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Why this URL may not be called, or null when it may. */
  String refusal(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "is not a valid URL";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "must be an http or https URL";
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return "must name a host";
    }
    if (uri.getUserInfo() != null) {
      return "must not carry a user name or password";
    }
    if (uri.getFragment() != null) {
      return "must not have a fragment";
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      return "host " + uri.getHost() + " does not resolve";
    }
    if (!allowPrivate) {
      for (InetAddress address : addresses) {
        if (isPrivate(address)) {
          return "resolves to a loopback, private or link-local address ("
              + address.getHostAddress()
              + "), which webhooks may not call; an operator allows such targets (for a"
              + " receiver on the same machine or network) with the setting "
              + ALLOW_PRIVATE_SETTING;
        }
      }
    }
    return null;
  }

  static boolean isPrivate(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      // 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8 are not public either.
      return (first == 100 && second >= 64 && second < 128) || first == 0;
    }
    // fc00::/7, IPv6 unique local addresses.
    return (b[0] & 0xfe) == 0xfc;
  }
}
