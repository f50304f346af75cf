package vn.storybank.core.media;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.tenant.TenantService;

/**
 * Public delivery of originals and renditions, with rights enforced: an asset whose rights have
 * expired is gone (410), and one showing identifiable people without their consent is not found
 * (404) — it is never delivered.
 */
public final class MediaDelivery {
  private final MediaService media;
  private final Transactions transactions;
  private final Renditions renditions;
  private final BlobStore store;
  private final Clock clock;

  public MediaDelivery(
      MediaService media, Transactions transactions, MediaSettings settings, Clock clock) {
    this.media = media;
    this.transactions = transactions;
    this.renditions = new Renditions(settings);
    this.store = settings.store();
    this.clock = clock;
  }

  /** A stored file ready to stream: whole or a byte range. */
  public record Delivered(BlobStore store, String key, String contentType, long size, String etag) {
    public InputStream open() {
      return store.open(key);
    }

    public InputStream open(long offset, long length) {
      return store.open(key, offset, length);
    }
  }

  public Delivered original(String tenant, UUID id) {
    MediaAsset asset = deliverable(tenant, id);
    String key = BlobKeys.original(asset.blobSha256());
    long size = store.size(key).orElseThrow(() -> missing(id));
    return new Delivered(store, key, asset.contentType(), size, "\"" + asset.blobSha256() + "\"");
  }

  public Delivered rendition(String tenant, UUID id, String presetName) {
    Preset preset = Preset.STANDARD.get(presetName);
    if (preset == null) {
      throw StorybankException.notFound(
          "There is no rendition preset '"
              + presetName
              + "'; the presets are "
              + String.join(", ", Preset.STANDARD.keySet().stream().sorted().toList())
              + ".");
    }
    MediaAsset asset = deliverable(tenant, id);
    String type = asset.contentType();
    if (!("image/jpeg".equals(type) || "image/png".equals(type) || "image/gif".equals(type))) {
      throw new StorybankException(
          ErrorKind.NOT_FOUND,
          "Renditions are made from JPEG, PNG and GIF images; this asset is "
              + type
              + ". Fetch its original instead.");
    }
    MediaFileView file = asset.file();
    String key = renditions.key(asset.blobSha256(), preset, asset.focalPoint());
    long size =
        renditions.ensure(
            key,
            BlobKeys.original(asset.blobSha256()),
            file.width(),
            file.height(),
            preset,
            asset.focalPoint());
    String etag =
        "\""
            + key.substring(key.lastIndexOf('/') + 1).replace(".jpg", "")
            + "-"
            + asset.blobSha256().substring(0, 16)
            + "\"";
    return new Delivered(store, key, "image/jpeg", size, etag);
  }

  int generated() {
    return renditions.generated();
  }

  private MediaAsset deliverable(String tenant, UUID id) {
    MediaAsset asset =
        transactions.read(
            em -> {
              TenantService.require(em, tenant);
              return media.require(em, tenant, id);
            });
    Instant now = clock.instant();
    if (asset.rightsExpireAt() != null && !now.isBefore(asset.rightsExpireAt())) {
      throw new StorybankException(
          ErrorKind.GONE,
          "The rights to media "
              + id
              + " expired on "
              + asset.rightsExpireAt()
              + "; it is no longer delivered.");
    }
    if (asset.peopleIdentifiable() && !asset.consentObtained()) {
      throw StorybankException.notFound(
          "There is no deliverable media " + id + " in tenant " + tenant + ".");
    }
    if (asset.blobSha256() == null) {
      throw StorybankException.notFound("Media " + id + " has no file yet; upload one first.");
    }
    return asset;
  }

  private static StorybankException missing(UUID id) {
    return new StorybankException(
        ErrorKind.UNAVAILABLE,
        "The file of media "
            + id
            + " cannot be found in the media store right now; try again later.");
  }
}
