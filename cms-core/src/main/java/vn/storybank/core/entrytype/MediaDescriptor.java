package vn.storybank.core.entrytype;

import java.time.LocalDate;
import java.time.ZoneId;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.media.MediaAsset;

final class MediaDescriptor implements TypeDescriptor<MediaAsset> {
  @Override
  public EntryType type() {
    return EntryType.MEDIA;
  }

  @Override
  public Class<MediaAsset> entityClass() {
    return MediaAsset.class;
  }

  @Override
  public String kind(MediaAsset asset) {
    return asset.mediaType();
  }

  @Override
  public TypeFields fields(MediaAsset asset) {
    return new MediaFields(
        asset.mediaType(),
        asset.credit(),
        asset.copyrightHolder(),
        asset.licence(),
        asset.licenceUrl(),
        asset.capturedAt());
  }

  /** The day it was captured. */
  @Override
  public LocalDate date(MediaAsset asset, ZoneId zone) {
    return asset.capturedAt() == null ? null : asset.capturedAt().atZone(zone).toLocalDate();
  }

  @Override
  public MediaAsset asMedia(MediaAsset asset) {
    return asset;
  }
}
