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
  public static WebhookSettings defaults(String publicUrl) {
    return new WebhookSettings(Duration.ofMillis(500), Duration.ofSeconds(15), false, publicUrl);
  }
}
