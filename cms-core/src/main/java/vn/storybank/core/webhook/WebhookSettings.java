package vn.storybank.core.webhook;

import java.time.Duration;

/**
 * How webhooks are sent.
 *
 * @param publicUrl the address partners reach Storybank at; event payloads link to items under it
 * @param allowPrivateTargets whether URLs may resolve to loopback, private or link-local addresses
 *     (tests and closed networks only: otherwise a subscription could probe the internal network)
 */
public record WebhookSettings(
    Duration pollInterval, Duration timeout, boolean allowPrivateTargets, String publicUrl) {
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  public static WebhookSettings defaults(String publicUrl) {
    return new WebhookSettings(DEFAULT_POLL_INTERVAL, DEFAULT_TIMEOUT, false, publicUrl);
  }
}
