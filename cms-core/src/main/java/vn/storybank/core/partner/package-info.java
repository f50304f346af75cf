/**
 * Owns partner API keys: issued once and stored hashed, scoped to a tenant and its channels, rate
 * limited per node, and their usage counted per key, channel, locale and day.
 *
 * <p>Must not know: delivery or the web module; they ask it to check a key and count a request.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; a field of an
 * {@code *Input} record is null when the client left it out, and the service checks it before use.
 * A null day range bound in a usage report means this month's first day or today.
 */
package vn.storybank.core.partner;
