/**
 * Owns channels: what one consumer of a tenant's content receives (locales with fallbacks, content
 * filter, rendition presets, formats, public or key access), and their validation.
 *
 * <p>Must not know: delivery, webhooks, partners or the web module; those read channels, never the
 * other way.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; a field of an
 * {@code *Input} record is null when the client left it out, and the service checks it before use.
 */
package vn.storybank.core.channel;
