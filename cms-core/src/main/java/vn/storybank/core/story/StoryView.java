package vn.storybank.core.story;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.entry.EntryHeader;
import vn.storybank.core.entry.EntryView;
import vn.storybank.core.entry.TranslationView;
import vn.storybank.core.taxonomy.GeoPoint;

/** A story as the API shows it. */
public record StoryView(
    @JsonUnwrapped EntryHeader header,
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
    Map<String, TranslationView> translations)
    implements EntryView {}
