package vn.storybank.core.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How media is stored and limited. {@code maxImageBytes} also applies to PDFs; {@code
 * maxVideoBytes} to video and audio. {@code maxPixels} refuses decompression bombs from the header,
 * before any decoding. JPEG quality is 0..1.
 */
public record MediaSettings(
    BlobStore store,
    Path tempDir,
    long maxImageBytes,
    long maxVideoBytes,
    long maxPixels,
    float jpegQuality,
    boolean progressive) {
  public static final long DEFAULT_MAX_IMAGE_BYTES = 50L * 1024 * 1024;
  public static final long DEFAULT_MAX_VIDEO_BYTES = 2L * 1024 * 1024 * 1024;
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
  public static final float DEFAULT_JPEG_QUALITY = 0.82f;

  /** The defaults with blobs on the filesystem under {@code dataDir/blobs}. */
  public static MediaSettings defaults(Path dataDir) {
    return defaults(new FileSystemBlobStore(dataDir.resolve("blobs")), dataDir.resolve("tmp"));
  }

  public static MediaSettings defaults(BlobStore store, Path tempDir) {
    return new MediaSettings(
        store,
        tempDir,
        DEFAULT_MAX_IMAGE_BYTES,
        DEFAULT_MAX_VIDEO_BYTES,
        DEFAULT_MAX_PIXELS,
        DEFAULT_JPEG_QUALITY,
        true);
  }

  public MediaSettings {
    try {
      Files.createDirectories(tempDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the upload folder " + tempDir, e);
    }
  }

  public MediaSettings withLimits(long maxImageBytes, long maxVideoBytes, long maxPixels) {
    return new MediaSettings(
        store, tempDir, maxImageBytes, maxVideoBytes, maxPixels, jpegQuality, progressive);
  }

  long limitFor(FileType type) {
    return isTimed(type) ? maxVideoBytes : maxImageBytes;
  }

  /** The setting that sets {@link #limitFor}, both spellings, for the refusal's message. */
  String limitSettingFor(FileType type) {
    return isTimed(type)
        ? "setting cms.media.max-video-bytes, environment variable CMS_MEDIA_MAX_VIDEO_BYTES"
        : "setting cms.media.max-image-bytes, environment variable CMS_MEDIA_MAX_IMAGE_BYTES";
  }

  private static boolean isTimed(FileType type) {
    return type.kind() == FileType.Kind.VIDEO || type.kind() == FileType.Kind.AUDIO;
  }
}
