/**
 * The core assembled: {@link vn.storybank.core.Storybank} builds the database, the change log and
 * every service once per process and hands them out.
 *
 * <p>Must not know: cms-search, cms-web, JAX-RS, servlets or CDI; it is plain Java, started by
 * tests, tools and the web module alike. No feature package may use it, except the two that are
 * assembled over a started core ({@code demo}, {@code webhook}).
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null.
 */
package vn.storybank.core;
