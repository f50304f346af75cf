/**
 * Owns people and permissions: local accounts, sessions, API tokens, memberships and roles, the
 * permission check every service makes ({@link vn.storybank.core.account.Access}), the sign-in
 * throttle and the audit log.
 *
 * <p>Must not know: tenants or any feature package. Every service checks permissions here, so it
 * sits below them all, and reaches tenants only through {@link vn.storybank.core.account.Tenants},
 * which the tenant package implements.
 *
 * <p>Nulls: lookups that may find nothing return Optional (sign-in, tokens, sessions, roles);
 * {@code Access.tenantsAllowing} answers null for "every tenant" (the super-admin), as its Javadoc
 * says. A field of an {@code *Input} record is null when the client left it out, and the service
 * checks it before use.
 */
package vn.storybank.core.account;
