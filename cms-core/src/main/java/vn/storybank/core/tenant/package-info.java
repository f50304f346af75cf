/**
 * Owns tenants (provinces): their names, locales with fallback chains, source locale and time zone,
 * and the lookup that answers 404 for an unknown tenant.
 *
 * <p>Must not know: entries, media, channels or any other feature; it sits above account and
 * changelog only, and implements {@link vn.storybank.core.account.Tenants} for them.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; a field of an
 * {@code *Input} record is null when the client left it out, and the service checks it before use.
 * A locale lookup answers Optional.
 */
package vn.storybank.core.tenant;
