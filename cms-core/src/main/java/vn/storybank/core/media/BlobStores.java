package vn.storybank.core.media;

import java.nio.file.Path;
import java.util.List;

/**
 * Opens the media store an operator chooses by name ({@code cms.blob.store}): the one place that
 * knows which stores exist, so that the setting's allowed values and the stores agree.
 */
public final class BlobStores {
  public static final String FILESYSTEM = "filesystem";
  public static final String S3 = "s3";

  /** Every store's name, the default first. */
  public static final List<String> NAMES = List.of(FILESYSTEM, S3);

  private BlobStores() {}

  /**
   * The store named {@code name}: {@code filesystem} under {@code dataDir/blobs}, or {@code s3} at
   * {@code s3}, which is read only then (it may be null otherwise).
   */
  public static BlobStore open(String name, Path dataDir, S3Settings s3) {
    return switch (name) {
      case FILESYSTEM -> new FileSystemBlobStore(dataDir.resolve("blobs"));
      case S3 ->
          new S3BlobStore(s3.endpoint(), s3.region(), s3.bucket(), s3.accessKey(), s3.secretKey());
      default ->
          throw new IllegalArgumentException(
              "No media store is called " + name + "; there are " + String.join(", ", NAMES));
    };
  }
}
