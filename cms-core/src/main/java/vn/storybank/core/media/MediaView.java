package vn.storybank.core.media;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.entry.EntryHeader;
import vn.storybank.core.entry.EntryView;
import vn.storybank.core.entry.TranslationView;

/** A media asset record as the API shows it. */
public record MediaView(
    @JsonUnwrapped EntryHeader header,
    String mediaType,
    String credit,
    String copyrightHolder,
    String licence,
    String licenceUrl,
    boolean peopleIdentifiable,
    boolean consentObtained,
    Instant rightsExpireAt,
    Instant capturedAt,
    List<String> channelsAllowed,
    FocalPoint focalPoint,
    UUID posterId,
    MediaFileView file,
    List<String> places,
    List<String> topics,
    List<String> ethnicGroups,
    Map<String, TranslationView> translations)
    implements EntryView {}
