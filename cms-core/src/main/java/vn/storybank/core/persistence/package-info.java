/**
 * Owns the database: the connection pool, Flyway migrations, Hibernate bootstrapped by the core,
 * explicit transactions with retries, optimistic versions, durable H2 commits, and the shapes of
 * results ({@code Saved}, {@code Page}).
 *
 * <p>Must not know: any feature package; it knows entities only as the classes the core hands it.
 *
 * <p>Nulls: {@code Page.next} is null on the last page; an expected version is null when the client
 * named none. Everything else is non-null.
 */
package vn.storybank.core.persistence;
