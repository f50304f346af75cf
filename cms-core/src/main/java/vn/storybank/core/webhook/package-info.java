/**
 * Owns partners' webhooks: subscriptions, the outbox of messages from the change log, signing, the
 * SSRF guard on targets, sending with retries and replay.
 *
 * <p>Must not know: search or the web module. It is assembled over a started core, so it may use
 * {@link vn.storybank.core.Storybank}.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; a field of an
 * {@code *Input} record is null when the client left it out, and the service checks it before use.
 * Event lists that are empty or null mean every event.
 */
package vn.storybank.core.webhook;
