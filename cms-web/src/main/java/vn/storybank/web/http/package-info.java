/**
 * Owns what every request shares: authentication filters, body and header limits, security headers,
 * compression, JSON reading and writing, ETags, and RFC 9457 problems for every failure.
 *
 * <p>Must not know: any resource package (admin, delivery, search); resources use it, never the
 * other way.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; a problem's {@code
 * errors} is left out (null) when there are no field errors.
 */
package vn.storybank.web.http;
