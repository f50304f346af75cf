/**
 * Owns the search index on each node: analysis per locale family, documents, queries, facets,
 * snippets, suggestions, related entries, and the follower that keeps the index in step with the
 * change log.
 *
 * <p>Must not know: cms-web or HTTP. From cms-core it reads the change log, entry snapshots,
 * tenants, terms and channels; it never writes to the database.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; a {@code
 * SearchRequest} holds what the client sent, so its fields may be null until validated.
 */
package vn.storybank.search;
