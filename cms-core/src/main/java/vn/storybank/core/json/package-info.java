/**
 * Owns the one JSON configuration (Jackson), reading input records with errors that name the field,
 * JSON Merge Patch, and the characters text may hold.
 *
 * <p>Must not know: any feature package; features use it, not the other way.
 *
 * <p>Nulls: a null inside a JSON list or map is refused where it is; {@code Characters} answers
 * null when a text is fine, as its Javadoc says.
 */
package vn.storybank.core.json;
