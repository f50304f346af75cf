/**
 * Owns {@link vn.storybank.core.concurrent.SingleFlight}: work done once per key for all callers
 * that ask at the same moment.
 *
 * <p>Must not know: any other Storybank package; it is a general tool.
 *
 * <p>Nulls: the work's result is passed through as it is; keys must not be null.
 */
package vn.storybank.core.concurrent;
