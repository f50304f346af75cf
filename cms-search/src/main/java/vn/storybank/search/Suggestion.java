package vn.storybank.search;

import java.util.UUID;

/**
 * An autocomplete proposal: an entry's title or a taxonomy term's label.
 *
 * @param source {@code entry} or {@code term}
 * @param type the entry type, or the term kind
 * @param id the entry id (entries only)
 * @param code the term code (terms only)
 */
public record Suggestion(String text, String source, String type, UUID id, String code) {}
