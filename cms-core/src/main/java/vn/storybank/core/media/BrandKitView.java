package vn.storybank.core.media;

import java.util.List;
import java.util.UUID;

/**
 * A tenant's brand kit as the API shows and takes it. {@code watermark} null means none.
 *
 * @param watermark the logo laid over the renditions of some presets
 */
public record BrandKitView(Watermark watermark) {
  /** Where the logo goes when none is said. */
  public static final String DEFAULT_POSITION = "bottom-right";

  public static final double DEFAULT_OPACITY = 0.6;
  public static final double DEFAULT_SCALE = 0.2;

  public static final List<String> POSITIONS =
      List.of("bottom-right", "bottom-left", "top-right", "top-left", "center");

  /**
   * @param assetId the logo: an image media asset of the tenant (PNG with transparency, typically)
   * @param position one of {@link #POSITIONS}
   * @param opacity 0 (invisible) to 1 (opaque)
   * @param scale the logo's width as a share of the rendition's width, above 0 up to 1
   * @param presets the names of the presets whose renditions carry the logo
   */
  public record Watermark(
      UUID assetId, String position, Double opacity, Double scale, List<String> presets) {}
}
