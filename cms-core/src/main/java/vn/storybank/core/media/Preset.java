package vn.storybank.core.media;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named rendition size. {@code crop} fills exactly width × height, cutting around the focal
 * point; otherwise the image is scaled to fit within width × height. Images are never enlarged.
 */
public record Preset(String name, int width, int height, boolean crop) {
  /** The presets every tenant has. */
  public static final Map<String, Preset> STANDARD = standard();

  private static Map<String, Preset> standard() {
    Map<String, Preset> presets = new LinkedHashMap<>();
    for (Preset p :
        new Preset[] {
          new Preset("thumb", 320, 320, false),
          new Preset("card", 640, 640, false),
          new Preset("hero", 1600, 1600, false),
          new Preset("social", 1200, 630, true),
          new Preset("square", 1080, 1080, true),
          new Preset("screen-landscape", 1920, 1080, true),
          new Preset("screen-portrait", 1080, 1920, true)
        }) {
      presets.put(p.name(), p);
    }
    return Map.copyOf(presets);
  }
}
