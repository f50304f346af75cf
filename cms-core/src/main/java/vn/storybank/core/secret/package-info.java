/**
 * Owns server secrets kept in the database, so that every node sharing it uses the same one without
 * configuration.
 *
 * <p>Must not know: what a secret is used for; callers name the one they need.
 *
 * <p>Nulls: none are passed or returned.
 */
package vn.storybank.core.secret;
