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

  @Column(name = "blob_sha256")
  private String blobSha256;

  @Column(name = "content_type")
  private String contentType;

  @Column(name = "byte_size")
  private Long byteSize;

  @Column(name = "width")
  private Integer width;

  @Column(name = "height")
  private Integer height;

  @Column(name = "duration_ms")
  private Long durationMs;

  @Column(name = "original_filename")
  private String originalFilename;

  @Column(name = "camera")
  private String camera;

  @Column(name = "latitude")
  private Double latitude;

  @Column(name = "longitude")
  private Double longitude;

  @Column(name = "focal_x")
  private Double focalX;

  @Column(name = "focal_y")
  private Double focalY;

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
    focalX = input.focalPoint() == null ? null : input.focalPoint().x();
    focalY = input.focalPoint() == null ? null : input.focalPoint().y();
  }

  /** Points the record at a stored file and records what was read from it. */
  void attach(StoredFile file, String filename) {
    FileFacts facts = file.facts();
    blobSha256 = file.sha256();
    contentType = file.type().contentType();
    byteSize = file.size();
    width = facts.width();
    height = facts.height();
    durationMs = facts.durationMs();
    camera = facts.camera();
    latitude = facts.latitude();
    longitude = facts.longitude();
    originalFilename = filename;
  }

  /** The file, or null while the record has none. */
  public MediaFileView file() {
    if (blobSha256 == null) {
      return null;
    }
    return new MediaFileView(
        contentType,
        byteSize,
        blobSha256,
        originalFilename,
        width,
        height,
        durationMs,
        camera,
        latitude,
        longitude);
  }

  public String blobSha256() {
    return blobSha256;
  }

  public String contentType() {
    return contentType;
  }

  public FocalPoint focalPoint() {
    return focalX == null || focalY == null ? null : new FocalPoint(focalX, focalY);
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
