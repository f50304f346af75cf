/**
 * Owns the protocol-independent failures: {@link vn.storybank.core.error.StorybankException} with
 * its {@link vn.storybank.core.error.ErrorKind}, field errors and the collector of all invalid
 * fields of a request.
 *
 * <p>Must not know: any other package, HTTP included (cms-web maps kinds to status codes).
 *
 * <p>Nulls: the detail for operators is null when the message says all; everything else is
 * non-null.
 */
package vn.storybank.core.error;
