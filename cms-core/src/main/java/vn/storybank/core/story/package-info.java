/**
 * Owns stories, the heart of the bank: an entry type with its kinds, taxonomy terms and links.
 *
 * <p>Must not know: delivery, search or snapshots, which read stories.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; a field of an
 * {@code *Input} record is null when the client left it out, and the service checks it before use.
 */
package vn.storybank.core.story;
