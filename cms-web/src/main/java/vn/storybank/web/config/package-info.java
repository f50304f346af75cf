/**
 * Owns configuration: every key with its default and meaning, read from system properties, the
 * environment and {@code storybank.properties} in the data directory.
 *
 * <p>Must not know: resources or filters; they receive the settings they need.
 *
 * <p>Nulls: a key that is not set has its default; the few keys without one are optional and say
 * so.
 */
package vn.storybank.web.config;
