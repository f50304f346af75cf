package vn.storybank.core.collection;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.entry.EntryHeader;
import vn.storybank.core.entry.EntryView;
import vn.storybank.core.entry.TranslationView;

/** A collection as the API shows it. */
public record CollectionView(
    @JsonUnwrapped EntryHeader header,
    String purpose,
    List<UUID> items,
    List<String> pillars,
    Map<String, TranslationView> translations)
    implements EntryView {}
