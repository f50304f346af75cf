/**
 * Owns OCOP products (One Commune One Product): an entry type with producer, star rating and
 * purchase links.
 *
 * <p>Must not know: delivery, JSON-LD, search or snapshots, which read products.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; a field of an
 * {@code *Input} record is null when the client left it out, and the service checks it before use.
 */
package vn.storybank.core.product;
