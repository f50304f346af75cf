package vn.storybank.core.partner;

import java.util.List;

/**
 * A partner key to issue.
 *
 * @param channels the channels it may read (empty: every channel of the tenant)
 * @param ratePerMinute requests per minute it may make on each node (default 600)
 */
public record PartnerInput(String name, List<String> channels, Integer ratePerMinute) {
  public static final int DEFAULT_RATE_PER_MINUTE = 600;

  public PartnerInput {
    channels = channels == null ? List.of() : List.copyOf(channels);
    ratePerMinute = ratePerMinute == null ? DEFAULT_RATE_PER_MINUTE : ratePerMinute;
  }
}
