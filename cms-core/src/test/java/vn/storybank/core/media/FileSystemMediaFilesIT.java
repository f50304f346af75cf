package vn.storybank.core.media;

import java.nio.file.Path;

class FileSystemMediaFilesIT extends MediaFilesContract {
  @Override
  protected BlobStore store(Path dir) {
    return new FileSystemBlobStore(dir.resolve("blobs"));
  }
}
