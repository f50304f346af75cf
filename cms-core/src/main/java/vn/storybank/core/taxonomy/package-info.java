/**
 * Owns a tenant's taxonomies: pillars, topics, places (a tree with coordinates), ethnic groups,
 * markets, and the per-transaction term index.
 *
 * <p>Must not know: entries or any entry type; entries refer to terms, not the other way.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; a field of an
 * {@code *Input} record is null when the client left it out, and the service checks it before use.
 * Looking a kind up by its path answers Optional.
 */
package vn.storybank.core.taxonomy;
