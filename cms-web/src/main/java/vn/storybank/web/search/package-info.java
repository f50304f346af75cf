/**
 * Owns the search API's resources: editor and public search, suggestions, related entries, and this
 * node's index status and rebuild.
 *
 * <p>Must not know: the EntityManager or Lucene's classes; queries go through cms-search's service.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; an absent query
 * parameter arrives as null and is checked here.
 */
package vn.storybank.web.search;
