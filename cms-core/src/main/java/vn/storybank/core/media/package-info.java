/**
 * Owns media assets and their files: uploads streamed and inspected, the blob stores (filesystem,
 * S3), renditions with the brand-kit watermark, and public delivery of originals and renditions.
 *
 * <p>Must not know: delivery's item rendering, search, webhooks or HTTP (the web module maps ranges
 * and caching).
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; a field of an
 * {@code *Input} record is null when the client left it out, and the service checks it before use.
 * A blob's size is Optional (absent when there is no blob); a null watermark means none.
 */
package vn.storybank.core.media;
