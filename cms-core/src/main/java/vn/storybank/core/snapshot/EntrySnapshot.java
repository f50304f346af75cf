package vn.storybank.core.snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.storybank.core.entry.EntryType;

/**
 * An entry flattened for read models that live outside the database (the search index, feeds):
 * everything they need, detached from the persistence context.
 *
 * @param kind the story kind, the media type, the product group or the collection purpose
 * @param date the date the entry is about: a story's event date, a photo's capture date, an OCOP
 *     certificate's year; otherwise the day it was created
 * @param rightsExpireAt when a media asset's licence ends (null: never, or not a media asset)
 * @param rightsBlocked a media asset shows identifiable people without their consent
 * @param hasMedia the entry links to at least one media asset
 * @param publicMedia the media the entry shows the public apart from the rules that depend on the
 *     time and on which channels are public: each linked asset (a media asset: itself) that is
 *     published somewhere, has its file and shows no one without consent
 */
public record EntrySnapshot(
    UUID id,
    String tenant,
    EntryType type,
    String kind,
    List<TermRef> terms,
    Double latitude,
    Double longitude,
    LocalDate date,
    Integer ocopStars,
    Instant rightsExpireAt,
    boolean rightsBlocked,
    List<String> channels,
    boolean hasMedia,
    List<ShownMedia> publicMedia,
    Instant createdAt,
    Instant updatedAt,
    List<TranslationSnapshot> translations) {

  /**
   * A media asset as the public may see it with the entry: until its rights end (null: never), in
   * the channels its licence allows (empty: everywhere), as {@code Availability.shown} decides.
   */
  public record ShownMedia(Instant rightsExpireAt, List<String> channels) {}
}
