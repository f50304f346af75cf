package vn.storybank.core.story;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.entry.EntryInput;
import vn.storybank.core.entry.TranslationInput;
import vn.storybank.core.taxonomy.GeoPoint;

/** A story as a client writes it; taxonomy terms by code, linked entries by id. */
public record StoryInput(
    String kind,
    List<String> pillars,
    List<String> topics,
    List<String> places,
    List<String> ethnicGroups,
    List<String> markets,
    LocalDate eventDate,
    GeoPoint geo,
    UUID heroMedia,
    List<UUID> relatedStories,
    List<UUID> relatedProducts,
    String credit,
    String source,
    Map<String, TranslationInput> translations)
    implements EntryInput {}
