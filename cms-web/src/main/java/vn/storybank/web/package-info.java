/**
 * Owns the WAR's assembly: the JAX-RS application and its list of classes, starting and closing the
 * core with the deployment, and the health checks.
 *
 * <p>Must not know: the database or the EntityManager; it reaches data only through cms-core's
 * services.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null.
 */
package vn.storybank.web;
