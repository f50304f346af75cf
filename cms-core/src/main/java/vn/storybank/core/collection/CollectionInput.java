package vn.storybank.core.collection;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.entry.EntryInput;
import vn.storybank.core.entry.TranslationInput;

/**
 * A collection as a client writes it: its items in order (stories, products, media, other
 * collections) and, per locale, a {@code title} and an introduction ({@code summary}/{@code body}).
 */
public record CollectionInput(
    String purpose,
    List<UUID> items,
    List<String> pillars,
    Map<String, TranslationInput> translations)
    implements EntryInput {}
