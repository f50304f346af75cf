package vn.storybank.core.media;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the bytes of originals and renditions live: the filesystem by default, or an S3-compatible
 * object store. Keys are relative paths of lower-case letters, digits, {@code . _ -} and {@code /}
 * (see {@link BlobKeys}); they never leave the store's root. Failures of the store itself are
 * {@code StorybankException}s of kind UNAVAILABLE, with {@link #UNREACHABLE} for the client and the
 * store's location and error for the server log only.
 */
public interface BlobStore {
  /** What a client is told when the store fails: not where it is, nor why. */
  String UNREACHABLE = "The media store cannot be reached right now; try again in a moment.";

  /** Stores the file's bytes under the key, atomically: readers see all of it or nothing. */
  void put(String key, Path file);

  /** The whole blob; NOT_FOUND when there is none. */
  InputStream open(String key);

  /** {@code length} bytes from {@code offset}; NOT_FOUND when there is no blob. */
  InputStream open(String key, long offset, long length);

  /** The blob's size, or empty when there is none. */
  Optional<Long> size(String key);

  default boolean exists(String key) {
    return size(key).isPresent();
  }

  /** Removes the blob; nothing happens when there is none. */
  void delete(String key);

  /** Every blob whose key starts with the prefix. */
  List<Blob> list(String prefix);

  /**
   * A cheap check that the store can take blobs now, for the readiness check: UNAVAILABLE (with the
   * store's error for the server log) when it cannot. Neither reads nor writes a blob.
   */
  void probe();

  /** For messages and logs: where the blobs are. */
  String describe();

  /** A stored blob. */
  record Blob(String key, long size, Instant lastModified) {}
}
