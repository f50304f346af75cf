package vn.storybank.core.media;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.persistence.Audit;

/**
 * The record of a photo, video, recording or document: rights, consent and captions. The binary
 * itself and its renditions are the media pipeline's.
 */
@Entity
@Table(name = "media_asset")
@DiscriminatorValue(EntryType.MEDIA_VALUE)
public class MediaAsset extends Entry {
  @Column(name = "media_type", nullable = false)
  private String mediaType;

  @Column(name = "credit")
  private String credit;

  @Column(name = "copyright_holder")
  private String copyrightHolder;

  @Column(name = "licence")
  private String licence;

  @Column(name = "licence_url")
  private String licenceUrl;

  @Column(name = "people_identifiable", nullable = false)
  private boolean peopleIdentifiable;

  @Column(name = "consent_obtained", nullable = false)
  private boolean consentObtained;

  @Column(name = "rights_expire_at")
  private Instant rightsExpireAt;

  @Column(name = "captured_at")
  private Instant capturedAt;

  /** Comma-separated channel names; empty means every channel. */
  @Column(name = "channels_allowed")
  private String channelsAllowed;

  protected MediaAsset() {}

  MediaAsset(UUID id, String tenant, Audit audit) {
    super(id, tenant, audit);
  }

  void set(MediaInput input) {
    mediaType = input.mediaType();
    credit = input.credit();
    copyrightHolder = input.copyrightHolder();
    licence = input.licence();
    licenceUrl = input.licenceUrl();
    peopleIdentifiable = Boolean.TRUE.equals(input.peopleIdentifiable());
    consentObtained = Boolean.TRUE.equals(input.consentObtained());
    rightsExpireAt = input.rightsExpireAt();
    capturedAt = input.capturedAt();
    channelsAllowed =
        input.channelsAllowed().isEmpty() ? null : String.join(",", input.channelsAllowed());
  }

  @Override
  public EntryType entryType() {
    return EntryType.MEDIA;
  }

  public String mediaType() {
    return mediaType;
  }

  public String credit() {
    return credit;
  }

  public String copyrightHolder() {
    return copyrightHolder;
  }

  public String licence() {
    return licence;
  }

  public String licenceUrl() {
    return licenceUrl;
  }

  public boolean peopleIdentifiable() {
    return peopleIdentifiable;
  }

  public boolean consentObtained() {
    return consentObtained;
  }

  public Instant rightsExpireAt() {
    return rightsExpireAt;
  }

  public Instant capturedAt() {
    return capturedAt;
  }

  public List<String> channelsAllowed() {
    return channelsAllowed == null ? List.of() : Arrays.asList(channelsAllowed.split(","));
  }
}
