package vn.storybank.core.webhook;

/** A new subscription with its signing secret, which is shown this once and never again. */
public record CreatedSubscription(SubscriptionView subscription, String secret) {}
