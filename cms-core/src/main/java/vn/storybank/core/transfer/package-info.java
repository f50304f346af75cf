/**
 * Owns NDJSON import and export of a whole tenant: settings, terms, then entries, one object per
 * line in the admin API's shape, with a report of every bad line.
 *
 * <p>Must not know: search, webhooks or HTTP; it writes through the same services and rules as the
 * API.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; a field of an
 * {@code *Input} record is null when the client left it out, and the service checks it before use.
 * A blank line parses to null, as {@code ImportLine} says.
 */
package vn.storybank.core.transfer;
