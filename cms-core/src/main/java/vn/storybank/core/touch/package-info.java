/**
 * What a committed change touches: the one classification of change-log rows that every follower
 * (search indexing, webhooks, partner sync) reads instead of the row's entity-type string.
 *
 * <p>Owns {@link vn.storybank.core.touch.Touch}. Knows the change log's rows and the entry types;
 * must not know the followers, the database or which entries a touch reaches (each follower decides
 * that for every {@link vn.storybank.core.touch.Touch.Kind}). Nothing here is null except {@code
 * Touch.entryType} outside entries.
 */
package vn.storybank.core.touch;
