/**
 * Owns the public delivery API: items and lists, channel feeds (JSON Feed, ninjs, Atom), playlists,
 * sitemaps, JSON-LD, media file delivery with ranges, signed file URLs, and this node's delivery
 * cache.
 *
 * <p>Must not know: the EntityManager or admin resources; what may be shown is cms-core's delivery
 * decision, this package only renders it.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; an absent query
 * parameter arrives as null and is checked here.
 */
package vn.storybank.web.delivery;
