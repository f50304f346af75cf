package vn.storybank.core.webhook;

import java.util.List;

/**
 * What a partner subscribes to.
 *
 * @param events some of {@code published}, {@code updated}, {@code unpublished}, {@code deleted};
 *     empty or null means all four
 */
public record SubscriptionInput(String channel, String url, List<String> events) {
  public SubscriptionInput {
    events = events == null ? List.of() : List.copyOf(events);
  }
}
