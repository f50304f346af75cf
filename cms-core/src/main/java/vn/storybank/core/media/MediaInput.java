package vn.storybank.core.media;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.storybank.core.entry.EntryInput;
import vn.storybank.core.entry.TranslationInput;

/**
 * A media asset record as a client writes it. Caption and alt text are per locale, in the
 * translations. An empty {@code channelsAllowed} allows every channel. The focal point centres
 * crops of renditions (default the centre).
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
    List<String> places,
    List<String> topics,
    List<String> ethnicGroups,
    Map<String, TranslationInput> translations)
    implements EntryInput {
  public MediaInput {
    channelsAllowed = channelsAllowed == null ? List.of() : channelsAllowed;
  }
}
