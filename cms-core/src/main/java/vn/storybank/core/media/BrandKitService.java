package vn.storybank.core.media;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Actor;
import vn.storybank.core.account.AuditLog;
import vn.storybank.core.error.Violations;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.tenant.TenantQueries;

/**
 * The tenant's brand kit. Renditions are keyed by the watermark they carry (the logo's bytes and
 * the settings), so a change here yields new renditions and new ETags without purging anything.
 */
public final class BrandKitService {
  private final Transactions transactions;
  private final Clock clock;

  public BrandKitService(Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  public BrandKitView get(String tenant, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_CONTENT);
          new TenantQueries(em).require(tenant);
          BrandKit kit = BrandKit.find(em, tenant);
          return new BrandKitView(kit == null ? null : kit.view());
        });
  }

  /** Replaces the brand kit; a null watermark removes it. */
  public BrandKitView put(String tenant, BrandKitView input, Actor actor) {
    return transactions.write(
        em -> {
          Access.require(em, actor, tenant, Action.TENANT_SETTINGS);
          new TenantQueries(em).require(tenant);
          BrandKit stored = BrandKit.find(em, tenant);
          BrandKitView.Watermark wanted = input == null ? null : input.watermark();
          if (wanted == null) {
            if (stored != null) {
              em.remove(stored);
              AuditLog.record(
                  em,
                  clock,
                  actor.recordedName(),
                  AuditLog.BRAND_KIT_CHANGED,
                  tenant,
                  "brand-kit",
                  "watermark removed");
            }
            return new BrandKitView(null);
          }
          Violations v = new Violations();
          BrandKitView.Watermark valid = validate(wanted, v);
          UUID assetId = wanted.assetId();
          if (assetId == null) {
            v.add("watermark.assetId", "must be the id of an image media asset (the logo)");
          } else {
            MediaAsset logo = lockedLogo(em, assetId);
            if (logo == null || !logo.tenant().equals(tenant)) {
              v.add("watermark.assetId", "there is no media " + assetId + " in tenant " + tenant);
            } else if (!MediaService.renderable(logo.contentType())) {
              v.add(
                  "watermark.assetId",
                  assetId
                      + " is not an image with a file (PNG, JPEG, GIF or WebP); upload the logo first");
            }
          }
          v.throwIfAny();
          if (stored == null) {
            stored = new BrandKit(tenant);
            stored.replace(valid);
            em.persist(stored);
          } else {
            stored.replace(valid);
          }
          AuditLog.record(
              em,
              clock,
              actor.recordedName(),
              AuditLog.BRAND_KIT_CHANGED,
              tenant,
              "brand-kit",
              "watermark "
                  + valid.assetId()
                  + " "
                  + valid.position()
                  + ", opacity "
                  + valid.opacity()
                  + ", scale "
                  + valid.scale()
                  + ", presets "
                  + valid.presets());
          return new BrandKitView(stored.view());
        });
  }

  /**
   * The logo's record, locked as {@link MediaService}'s delete locks it (the entry row), so that
   * one of the two waits for the other; null when it is gone, also when a delete won that race.
   */
  private static MediaAsset lockedLogo(EntityManager em, UUID assetId) {
    MediaAsset logo = em.find(MediaAsset.class, assetId);
    if (logo != null) {
      try {
        em.lock(logo, LockModeType.PESSIMISTIC_WRITE);
      } catch (OptimisticLockException deletedMeanwhile) {
        return null;
      }
    }
    return logo;
  }

  private static BrandKitView.Watermark validate(BrandKitView.Watermark w, Violations v) {
    String position = w.position() == null ? BrandKitView.DEFAULT_POSITION : w.position();
    if (!BrandKitView.POSITIONS.contains(position)) {
      v.add("watermark.position", "must be one of " + String.join(", ", BrandKitView.POSITIONS));
    }
    double opacity = w.opacity() == null ? BrandKitView.DEFAULT_OPACITY : w.opacity();
    if (!(opacity >= 0 && opacity <= 1)) {
      v.add("watermark.opacity", "must be between 0 (invisible) and 1 (opaque)");
    }
    double scale = w.scale() == null ? BrandKitView.DEFAULT_SCALE : w.scale();
    if (!(scale > 0 && scale <= 1)) {
      v.add("watermark.scale", "must be above 0 and at most 1 (the share of the rendition width)");
    }
    List<String> presets = w.presets() == null ? List.of() : w.presets();
    for (int i = 0; i < presets.size(); i++) {
      if (presets.get(i) == null || !Preset.STANDARD.containsKey(presets.get(i))) {
        v.add(
            "watermark.presets[" + i + "]",
            "must be one of "
                + String.join(", ", Preset.STANDARD.keySet().stream().sorted().toList()));
      }
    }
    return new BrandKitView.Watermark(
        w.assetId(),
        position,
        opacity,
        scale,
        List.copyOf(new LinkedHashSet<>(presets.stream().filter(p -> p != null).toList())));
  }
}
