/**
 * Owns BCP 47 language tags: RFC 5646 well-formedness, validity against the IANA Language Subtag
 * Registry shipped in the jar, and the canonical form.
 *
 * <p>Must not know: tenants or channels (which locales they use is theirs); it checks the tag only.
 *
 * <p>Nulls: {@code canonical} answers Optional.empty() for a tag that is not valid; {@code check}
 * never answers null, its {@code tag} is null when the tag is refused and its {@code change} null
 * when canonical form changed nothing but case.
 */
package vn.storybank.core.locale;
