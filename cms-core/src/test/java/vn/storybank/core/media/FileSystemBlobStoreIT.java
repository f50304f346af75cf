package vn.storybank.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;

class FileSystemBlobStoreIT extends BlobStoreContract {
  @Override
  protected BlobStore store() {
    return new FileSystemBlobStore(temp.resolve("blobs"));
  }

  /** The volume gone and a file in the folder's place: the probe says UNAVAILABLE, and where. */
  @Test
  void aRootThatIsNoLongerAFolderFailsTheProbe() throws IOException {
    Path root = temp.resolve("gone/blobs");
    FileSystemBlobStore store = new FileSystemBlobStore(root);
    Files.delete(root);
    Files.writeString(root, "not a folder");
    StorybankException e = assertThrows(StorybankException.class, store::probe);
    assertEquals(ErrorKind.UNAVAILABLE, e.kind());
    assertEquals(BlobStore.UNREACHABLE, e.getMessage());
    assertTrue(e.operatorDetail().contains(root.toString()), e.operatorDetail());
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
