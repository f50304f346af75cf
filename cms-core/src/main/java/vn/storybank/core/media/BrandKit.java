package vn.storybank.core.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's watermark: its logo (a media asset), where and how strongly it is laid over
 * renditions, and the presets that get it. A tenant without a row has no watermark.
 */
@Entity
@Table(name = "brand_kit")
public class BrandKit {
  @Id
  @Column(name = "tenant_code")
  private String tenant;

  @Column(name = "watermark_asset_id", nullable = false)
  private UUID assetId;

  @Column(name = "position", nullable = false)
  private String position;

  @Column(name = "opacity", nullable = false)
  private double opacity;

  @Column(name = "scale", nullable = false)
  private double scale;

  /** Preset names, comma-separated; empty when no preset is watermarked. */
  @Column(name = "presets", nullable = false)
  private String presets;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected BrandKit() {}

  BrandKit(String tenant) {
    this.tenant = tenant;
  }

  static BrandKit find(EntityManager em, String tenant) {
    return em.find(BrandKit.class, tenant);
  }

  void replace(BrandKitView.Watermark watermark) {
    assetId = watermark.assetId();
    position = watermark.position();
    opacity = watermark.opacity();
    scale = watermark.scale();
    presets = String.join(",", watermark.presets());
  }

  UUID assetId() {
    return assetId;
  }

  boolean marks(Preset preset) {
    return presets().contains(preset.name());
  }

  BrandKitView.Watermark view() {
    return new BrandKitView.Watermark(assetId, position, opacity, scale, presets());
  }

  private List<String> presets() {
    return presets.isEmpty() ? List.of() : Arrays.asList(presets.split(","));
  }

  String position() {
    return position;
  }

  double opacity() {
    return opacity;
  }

  double scale() {
    return scale;
  }
}
