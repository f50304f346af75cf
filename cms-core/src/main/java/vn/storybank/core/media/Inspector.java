package vn.storybank.core.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.gif.GifHeaderDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import com.drew.metadata.mp4.media.Mp4VideoDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.Characters;

/**
 * Reads what a file says about itself (metadata-extractor), refuses images over the pixel limit
 * from their header alone, and checks that JPEG, PNG, GIF and WebP images decode completely, at
 * reduced resolution so memory stays small.
 */
final class Inspector {
  private Inspector() {}

  static FileFacts inspect(Path file, FileType type, long maxPixels) {
    if (type == FileType.PDF) {
      return FileFacts.NONE;
    }
    Metadata metadata;
    try {
      metadata = ImageMetadataReader.readMetadata(file.toFile());
    } catch (ImageProcessingException | IOException | RuntimeException e) {
      if (type.kind() == FileType.Kind.IMAGE) {
        throw unreadable(type, e);
      }
      return FileFacts.NONE;
    }
    int orientation =
        integer(metadata, ExifIFD0Directory.class, ExifIFD0Directory.TAG_ORIENTATION, 1);
    Integer width = null;
    Integer height = null;
    switch (type) {
      case JPEG -> {
        width = integer(metadata, JpegDirectory.class, JpegDirectory.TAG_IMAGE_WIDTH, null);
        height = integer(metadata, JpegDirectory.class, JpegDirectory.TAG_IMAGE_HEIGHT, null);
      }
      case PNG -> {
        width = integer(metadata, PngDirectory.class, PngDirectory.TAG_IMAGE_WIDTH, null);
        height = integer(metadata, PngDirectory.class, PngDirectory.TAG_IMAGE_HEIGHT, null);
      }
      case GIF -> {
        width =
            integer(metadata, GifHeaderDirectory.class, GifHeaderDirectory.TAG_IMAGE_WIDTH, null);
        height =
            integer(metadata, GifHeaderDirectory.class, GifHeaderDirectory.TAG_IMAGE_HEIGHT, null);
      }
      case WEBP -> {
        width = integer(metadata, WebpDirectory.class, WebpDirectory.TAG_IMAGE_WIDTH, null);
        height = integer(metadata, WebpDirectory.class, WebpDirectory.TAG_IMAGE_HEIGHT, null);
      }
      case MP4 -> {
        width = integer(metadata, Mp4VideoDirectory.class, Mp4VideoDirectory.TAG_WIDTH, null);
        height = integer(metadata, Mp4VideoDirectory.class, Mp4VideoDirectory.TAG_HEIGHT, null);
      }
      default -> {
        // Dimensions of WebM and audio are not read.
      }
    }
    if (type.kind() == FileType.Kind.IMAGE) {
      if (width == null || height == null || width <= 0 || height <= 0) {
        throw new StorybankException(
            ErrorKind.UNPROCESSABLE,
            "The "
                + type.name()
                + " image has no readable dimensions; it is corrupt or truncated.");
      }
      long pixels = (long) width * height;
      if (pixels > maxPixels) {
        throw new StorybankException(
            ErrorKind.UNPROCESSABLE,
            "The image is "
                + width
                + "×"
                + height
                + " pixels ("
                + pixels
                + "); the limit is "
                + maxPixels
                + " pixels (setting cms.media.max-pixels, environment variable"
                + " CMS_MEDIA_MAX_PIXELS). Scale it down before uploading.");
      }
      checkDecodes(file, type, Math.max(width, height));
    }
    if (orientation >= 5 && orientation <= 8 && width != null && height != null) {
      Integer w = width;
      width = height;
      height = w;
    }
    return new FileFacts(
        width,
        height,
        durationMs(metadata),
        capturedAt(metadata),
        gps(metadata, true),
        gps(metadata, false),
        camera(metadata),
        first(
            string(metadata, IptcDirectory.class, IptcDirectory.TAG_CAPTION),
            xmp(metadata, "dc:description[1]"),
            string(metadata, ExifIFD0Directory.class, ExifIFD0Directory.TAG_IMAGE_DESCRIPTION)),
        first(
            string(metadata, IptcDirectory.class, IptcDirectory.TAG_CREDIT),
            xmp(metadata, "photoshop:Credit"),
            string(metadata, IptcDirectory.class, IptcDirectory.TAG_BY_LINE),
            string(metadata, ExifIFD0Directory.class, ExifIFD0Directory.TAG_ARTIST)),
        first(
            string(metadata, IptcDirectory.class, IptcDirectory.TAG_COPYRIGHT_NOTICE),
            xmp(metadata, "dc:rights[1]"),
            string(metadata, ExifIFD0Directory.class, ExifIFD0Directory.TAG_COPYRIGHT)));
  }

  /** Decodes at a fraction of the resolution; a truncated or corrupt image is refused. */
  private static void checkDecodes(Path file, FileType type, int largestSide) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new StorybankException(
            ErrorKind.UNPROCESSABLE, "The " + type.name() + " image cannot be decoded.");
      }
      ImageReader reader = readers.next();
      try {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        reader.setInput(in, true, true);
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, largestSide / 256);
        param.setSourceSubsampling(step, step, 0, 0);
        reader.read(0, param);
        if (!warnings.isEmpty()) {
          throw new StorybankException(
              ErrorKind.UNPROCESSABLE,
              "The "
                  + type.name()
                  + " image is damaged ("
                  + String.join("; ", warnings)
                  + "); upload the complete, original file.");
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof StorybankException se) {
        throw se;
      }
      throw unreadable(type, e);
    }
  }

  private static StorybankException unreadable(FileType type, Exception e) {
    return new StorybankException(
        ErrorKind.UNPROCESSABLE,
        "The "
            + type.name()
            + " file is truncated or corrupt ("
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
            + "); upload the complete, original file.");
  }

  private static Long durationMs(Metadata metadata) {
    Mp4Directory mp4 = metadata.getFirstDirectoryOfType(Mp4Directory.class);
    if (mp4 == null) {
      return null;
    }
    try {
      if (mp4.containsTag(Mp4Directory.TAG_DURATION)
          && mp4.containsTag(Mp4Directory.TAG_TIME_SCALE)) {
        long scale = mp4.getLong(Mp4Directory.TAG_TIME_SCALE);
        return scale <= 0 ? null : mp4.getLong(Mp4Directory.TAG_DURATION) * 1000 / scale;
      }
    } catch (com.drew.metadata.MetadataException e) {
      return null;
    }
    return null;
  }

  private static Instant capturedAt(Metadata metadata) {
    ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
    Date date = exif == null ? null : exif.getDateOriginal(TimeZone.getTimeZone("UTC"));
    return date == null ? null : date.toInstant();
  }

  private static Double gps(Metadata metadata, boolean latitude) {
    GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
    GeoLocation location = gps == null ? null : gps.getGeoLocation();
    if (location == null || location.isZero()) {
      return null;
    }
    return latitude ? location.getLatitude() : location.getLongitude();
  }

  private static String camera(Metadata metadata) {
    String make = string(metadata, ExifIFD0Directory.class, ExifIFD0Directory.TAG_MAKE);
    String model = string(metadata, ExifIFD0Directory.class, ExifIFD0Directory.TAG_MODEL);
    if (model == null) {
      return make;
    }
    String camera = make == null || model.startsWith(make) ? model : make + " " + model;
    return camera.length() > 200 ? camera.substring(0, 200) : camera;
  }

  private static Integer integer(
      Metadata metadata, Class<? extends Directory> type, int tag, Integer fallback) {
    Directory directory = metadata.getFirstDirectoryOfType(type);
    if (directory == null || !directory.containsTag(tag)) {
      return fallback;
    }
    Integer value = directory.getInteger(tag);
    return value == null ? fallback : value;
  }

  /**
   * A text from the file's metadata, without the characters text may not hold: camera makers pad
   * EXIF strings with U+0000, which PostgreSQL refuses and no feed can carry.
   */
  private static String string(Metadata metadata, Class<? extends Directory> type, int tag) {
    Directory directory = metadata.getFirstDirectoryOfType(type);
    String value = directory == null ? null : Characters.xmlSafe(directory.getString(tag));
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String xmp(Metadata metadata, String property) {
    XmpDirectory xmp = metadata.getFirstDirectoryOfType(XmpDirectory.class);
    if (xmp == null) {
      return null;
    }
    Map<String, String> properties = xmp.getXmpProperties();
    String value = Characters.xmlSafe(properties.get(property));
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null) {
        return value.length() > 500 ? value.substring(0, 500) : value;
      }
    }
    return null;
  }
}
