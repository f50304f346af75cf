/**
 * Owns what every entry type shares: identity, translations and their revisions, the review steps
 * (submit, approve, reject, publish) with their rules and thread, schedules, slugs, rich text and
 * the listing of entries. A type (story, product, media, collection) is a subclass of its service.
 *
 * <p>Must not know: the entry types themselves, workflow (dashboards, tasks, the scheduler),
 * delivery, search or webhooks; they all build on it.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; a field of an
 * {@code *Input} record is null when the client left it out, and the service checks it before use.
 * A null {@code liveAt} in a listing means the working text, as {@code EntryListing} says.
 */
package vn.storybank.core.entry;
