package vn.storybank.core.media;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.entry.EntryInput;
import vn.storybank.core.entry.TranslationInput;

/**
 * A media asset record as a client writes it. Caption and alt text are per locale, in the
 * translations. An empty {@code channelsAllowed} allows every channel. The focal point centres
 * crops of renditions (default the centre). A video or audio record may name a poster: an image
 * asset of the same tenant shown before playback.
 */
public record MediaInput(
    String mediaType,
    String credit,
    String copyrightHolder,
    String licence,
    String licenceUrl,
    Boolean peopleIdentifiable,
    Boolean consentObtained,
    Instant rightsExpireAt,
    Instant capturedAt,
    List<String> channelsAllowed,
    FocalPoint focalPoint,
    UUID posterId,
    List<String> places,
    List<String> topics,
    List<String> ethnicGroups,
    Map<String, TranslationInput> translations)
    implements EntryInput {
  public MediaInput {
    channelsAllowed = channelsAllowed == null ? List.of() : channelsAllowed;
  }
}
