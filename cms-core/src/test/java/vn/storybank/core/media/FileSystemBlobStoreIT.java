package vn.storybank.core.media;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileSystemBlobStoreIT extends BlobStoreContract {
  @Override
  protected BlobStore store() {
    return new FileSystemBlobStore(temp.resolve("blobs"));
  }

  @Test
  void writesLeaveNoTemporaryFilesAndStayUnderTheRoot() throws IOException {
    FileSystemBlobStore store = new FileSystemBlobStore(temp.resolve("root/blobs"));
    store.put("originals/ab/x", write("x", new byte[] {1}));
    try (var files = Files.walk(temp.resolve("root"))) {
      assertFalse(files.anyMatch(p -> p.toString().endsWith(".part")));
    }
    assertTrue(Files.exists(temp.resolve("root/blobs/originals/ab/x")));
    assertFalse(Files.exists(temp.resolve("root/evil")));
    Path outside = store.resolve("originals/ab/x").getParent();
    assertTrue(outside.startsWith(temp.resolve("root/blobs")));
  }
}
