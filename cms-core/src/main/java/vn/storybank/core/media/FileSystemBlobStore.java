package vn.storybank.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import vn.storybank.core.error.StorybankException;

/**
 * Blobs as files under a root folder (by default {@code <data dir>/blobs}). A blob is written to a
 * temporary file in the same folder and renamed into place, so readers never see half a file.
 */
public final class FileSystemBlobStore implements BlobStore {
  private static final String TEMP_SUFFIX = ".part";
  private final Path root;

  public FileSystemBlobStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the blob folder " + this.root, e);
    }
  }

  @Override
  public void put(String key, Path file) {
    Path target = resolve(key);
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), ".upload-", TEMP_SUFFIX);
      try {
        Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw unavailable("write", key, e);
    }
  }

  @Override
  public InputStream open(String key) {
    return open(key, 0, Long.MAX_VALUE);
  }

  @Override
  public InputStream open(String key, long offset, long length) {
    Path path = resolve(key);
    try {
      SeekableByteChannel channel = Files.newByteChannel(path);
      channel.position(offset);
      InputStream in = Channels.newInputStream(channel);
      return length == Long.MAX_VALUE ? in : new BoundedInputStream(in, length);
    } catch (NoSuchFileException e) {
      throw StorybankException.notFound("The stored file " + key + " is missing.");
    } catch (IOException e) {
      throw unavailable("read", key, e);
    }
  }

  @Override
  public Optional<Long> size(String key) {
    Path path = resolve(key);
    try {
      return Optional.of(Files.size(path));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw unavailable("read", key, e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(resolve(key));
    } catch (IOException e) {
      throw unavailable("delete", key, e);
    }
  }

  @Override
  public List<Blob> list(String prefix) {
    List<Blob> blobs = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return blobs;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(TEMP_SUFFIX))
          .forEach(
              p -> {
                String key = root.relativize(p).toString().replace('\\', '/');
                if (key.startsWith(prefix)) {
                  try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    blobs.add(new Blob(key, a.size(), a.lastModifiedTime().toInstant()));
                  } catch (IOException e) {
                    // Deleted while listing: not a blob any more.
                  }
                }
              });
    } catch (IOException | UncheckedIOException e) {
      throw StorybankException.unavailable(
          UNREACHABLE, "The media folder " + root + " cannot be listed: " + e);
    }
    return blobs;
  }

  /**
   * The root must be a folder this process may write: a removed volume, a folder replaced or made
   * read-only would otherwise be noticed only by the next upload.
   */
  @Override
  public void probe() {
    if (!Files.isDirectory(root) || !Files.isWritable(root)) {
      throw StorybankException.unavailable(
          UNREACHABLE, "The media folder " + root + " is not a folder this server can write to");
    }
  }

  @Override
  public String describe() {
    return "filesystem " + root;
  }

  /** The file of a key; a key that would leave the root is refused. */
  Path resolve(String key) {
    Path path = root.resolve(BlobKeys.require(key)).normalize();
    if (!path.startsWith(root) || path.equals(root)) {
      throw new IllegalArgumentException("Blob key leaves the store: " + key);
    }
    return path;
  }

  private StorybankException unavailable(String action, String key, IOException e) {
    return StorybankException.unavailable(
        UNREACHABLE,
        "The media folder "
            + root
            + " could not "
            + action
            + " "
            + key
            + " ("
            + e
            + "); check the disk and its permissions.");
  }
}
