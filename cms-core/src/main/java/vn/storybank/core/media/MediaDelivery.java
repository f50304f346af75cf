package vn.storybank.core.media;

import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Actor;
import vn.storybank.core.channel.ChannelQueries;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.tenant.TenantQueries;

/**
 * Public delivery of originals and renditions, by the rule that decides every embed of an asset
 * too: an asset with no published translation (never published, or taken down) is not found (404),
 * an asset whose rights have expired is gone (410), and one showing identifiable people without
 * their consent is not found (404) — it is never delivered. Allowed channels are checked too (see
 * {@link #deliverable}). Editors see any asset's files through {@link #preview}.
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
    return original(tenant, id, null);
  }

  /**
   * The original, checked against the asset's allowed channels: for {@code channel} when one is
   * named, otherwise as a plain URL (see {@link #deliverable}).
   */
  public Delivered original(String tenant, UUID id, String channel) {
    return original(deliverable(tenant, id, channel).asset());
  }

  /**
   * The original as an editor previews it: whether or not it is published, its rights valid or its
   * channels public.
   *
   * @param actor the account asking; it must be allowed to read the tenant's content
   */
  public Delivered preview(String tenant, UUID id, Actor actor) {
    return original(previewable(tenant, id, actor).asset());
  }

  private Delivered original(MediaAsset asset) {
    UUID id = asset.id();
    String key = BlobKeys.original(asset.blobSha256());
    long size = store.size(key).orElseThrow(() -> missing(id));
    return new Delivered(store, key, asset.contentType(), size, "\"" + asset.blobSha256() + "\"");
  }

  public Delivered rendition(String tenant, UUID id, String presetName) {
    return rendition(tenant, id, presetName, null);
  }

  /**
   * The rendition, made on first request, with the tenant's watermark when its brand kit names this
   * preset. The ETag names the preset, focal point, output settings and watermark.
   */
  public Delivered rendition(String tenant, UUID id, String presetName, String channel) {
    Preset preset = preset(presetName);
    return rendition(deliverable(tenant, id, channel), preset);
  }

  /** The rendition as an editor previews it (see {@link #preview}). */
  public Delivered previewRendition(String tenant, UUID id, String presetName, Actor actor) {
    Preset preset = preset(presetName);
    return rendition(previewable(tenant, id, actor), preset);
  }

  private static Preset preset(String presetName) {
    Preset preset = Preset.STANDARD.get(presetName);
    if (preset == null) {
      throw StorybankException.notFound(
          "There is no rendition preset '"
              + presetName
              + "'; the presets are "
              + String.join(", ", Preset.STANDARD.keySet().stream().sorted().toList())
              + ".");
    }
    return preset;
  }

  private Delivered rendition(Found found, Preset preset) {
    MediaAsset asset = found.asset();
    String type = asset.contentType();
    if (!MediaService.renderable(type)) {
      throw new StorybankException(
          ErrorKind.NOT_FOUND,
          "Renditions are made from JPEG, PNG, GIF and WebP images; this asset is "
              + type
              + ". Fetch its original instead.");
    }
    Renditions.Mark mark = found.mark(preset);
    MediaFileView file = asset.file();
    String key = renditions.key(asset.blobSha256(), preset, asset.focalPoint(), mark);
    long size =
        renditions.ensure(
            key,
            BlobKeys.original(asset.blobSha256()),
            file.width(),
            file.height(),
            preset,
            asset.focalPoint(),
            mark);
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

  /** Renditions this process computed since it started (cache misses), for /metrics. */
  public long renditionsMade() {
    return renditions.generated();
  }

  /** Renditions served from the store (made before, here or by another node), for /metrics. */
  public long renditionsFromStore() {
    return renditions.stored();
  }

  /** A deliverable asset, with the tenant's brand kit and the hash of its logo's bytes. */
  private record Found(MediaAsset asset, BrandKit kit, String logoSha) {
    Renditions.Mark mark(Preset preset) {
      if (kit == null || logoSha == null || !kit.marks(preset)) {
        return null;
      }
      return new Renditions.Mark(logoSha, kit.position(), kit.opacity(), kit.scale());
    }
  }

  /**
   * The asset if readers may have it. Published in some locale, as everywhere; rights as everywhere
   * (expired: 410; people without consent: 404). Allowed channels: with {@code channel}, that
   * channel must exist and be allowed; without, an asset restricted to some channels is served only
   * when one of them is public (anyone can read it there already), so a partner-only asset never
   * leaks through a plain URL.
   */
  private Found deliverable(String tenant, UUID id, String channel) {
    Instant now = clock.instant();
    Found found =
        transactions.read(
            em -> {
              new TenantQueries(em).require(tenant);
              MediaAsset asset = media.require(em, tenant, id);
              // Unpublished (never, or taken down): its files are as absent as its record.
              if (!asset.isLiveSomewhere(now)) {
                throw StorybankException.notFound(
                    "There is no published media "
                        + id
                        + " in tenant "
                        + tenant
                        + "; editors preview its files through the admin API.");
              }
              checkChannels(em, tenant, asset, channel);
              return found(em, tenant, asset);
            });
    MediaAsset asset = found.asset();
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
    return withFile(found);
  }

  /** An asset of the tenant with its file, for an account that may read the tenant's content. */
  private Found previewable(String tenant, UUID id, Actor actor) {
    return withFile(
        transactions.read(
            em -> {
              Access.require(em, actor, tenant, Action.READ_CONTENT);
              new TenantQueries(em).require(tenant);
              return found(em, tenant, media.require(em, tenant, id));
            }));
  }

  private static Found found(EntityManager em, String tenant, MediaAsset asset) {
    BrandKit kit = BrandKit.find(em, tenant);
    MediaAsset logo = kit == null ? null : em.find(MediaAsset.class, kit.assetId());
    return new Found(asset, kit, logo == null ? null : logo.blobSha256());
  }

  private static Found withFile(Found found) {
    if (found.asset().blobSha256() == null) {
      throw StorybankException.notFound(
          "Media " + found.asset().id() + " has no file yet; upload one first.");
    }
    return found;
  }

  private static void checkChannels(
      EntityManager em, String tenant, MediaAsset asset, String channel) {
    List<String> allowed = asset.channelsAllowed();
    if (channel != null) {
      if (!new ChannelQueries(em).exists(tenant, channel)) {
        throw StorybankException.notFound(
            "There is no channel '" + channel + "' in tenant " + tenant + ".");
      }
      if (!allowed.isEmpty() && !allowed.contains(channel)) {
        throw StorybankException.notFound(
            "Media " + asset.id() + " is not licensed for channel " + channel + ".");
      }
      return;
    }
    if (allowed.isEmpty()) {
      return;
    }
    long publicOnes = new ChannelQueries(em).countPublic(tenant, allowed);
    if (publicOnes == 0) {
      throw StorybankException.notFound(
          "Media "
              + asset.id()
              + " is licensed for channels "
              + String.join(", ", allowed)
              + " only; ask for it with ?channel= and one of them.");
    }
  }

  private static StorybankException missing(UUID id) {
    return new StorybankException(
        ErrorKind.UNAVAILABLE,
        "The file of media "
            + id
            + " cannot be found in the media store right now; try again later.");
  }
}
