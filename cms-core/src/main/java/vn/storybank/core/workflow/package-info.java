/**
 * Owns the editorial views and timers around review: comment threads, each user's tasks, the
 * translation dashboard, the review-rules endpoint and the scheduler that fires due publish,
 * unpublish and embargo times.
 *
 * <p>Must not know: delivery, search or webhooks; the review steps themselves and their rules are
 * the entry package's, which must not know this one.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; a field of an
 * {@code *Input} record is null when the client left it out, and the service checks it before use.
 */
package vn.storybank.core.workflow;
