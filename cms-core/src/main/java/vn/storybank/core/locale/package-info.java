/**
 * Owns BCP 47 language tags: well-formedness and the canonical spelling.
 *
 * <p>Must not know: tenants or channels (which locales they use is theirs); it checks the tag only.
 *
 * <p>Nulls: {@code canonical} answers Optional.empty() for a tag that is not well-formed.
 */
package vn.storybank.core.locale;
