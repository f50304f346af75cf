/**
 * Owns curated collections (e-handbooks, campaigns, press kits, publications): an entry type whose
 * items are other entries in order.
 *
 * <p>Must not know: delivery, search or snapshots, which read collections; it builds on entry and
 * taxonomy.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; a field of an
 * {@code *Input} record is null when the client left it out, and the service checks it before use.
 */
package vn.storybank.core.collection;
