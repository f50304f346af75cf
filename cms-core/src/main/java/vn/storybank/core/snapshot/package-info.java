/**
 * Owns entry snapshots: an entry flattened with its translations, terms and what is live, detached
 * from the persistence context, for read models outside the database (the search index).
 *
 * <p>Must not know: search or webhooks, which consume snapshots; it reads the entry types.
 *
 * <p>Nulls: fields of a snapshot that do not apply to its type (coordinates, a product's stars) are
 * null.
 */
package vn.storybank.core.snapshot;
