/**
 * Owns the bundled demo tenants (Lào Cai and Thái Nguyên) and loading them into an empty database.
 *
 * <p>Must not know: search or the web module; it uses the assembled core and the import like any
 * client.
 *
 * <p>Nulls: none are passed or returned.
 */
package vn.storybank.core.demo;
