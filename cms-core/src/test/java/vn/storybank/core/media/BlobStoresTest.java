package vn.storybank.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media store by the name an operator gives; the S3 store itself is tested in s3-tests. */
class BlobStoresTest {
  @Test
  void filesystemKeepsBlobsUnderTheDataDirectory(@TempDir Path data) throws Exception {
    BlobStore store = BlobStores.open("filesystem", data, null);
    assertInstanceOf(FileSystemBlobStore.class, store);
    Path file = Files.writeString(data.resolve("upload"), "hello");
    store.put("ab/cd/blob", file);
    assertTrue(Files.isDirectory(data.resolve("blobs")), "blobs/ under the data directory");
  }

  @Test
  void s3OpensTheBucketLazilyAndAnUnknownNameIsRefused(@TempDir Path data) {
    S3Settings s3 = new S3Settings("http://127.0.0.1:9", "us-east-1", "media", "a", "secret-b");
    assertInstanceOf(S3BlobStore.class, BlobStores.open("s3", data, s3));
    assertFalse(s3.toString().contains("secret-b"), s3.toString());
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> BlobStores.open("ftp", data, s3));
    assertEquals("No media store is called ftp; there are filesystem, s3", unknown.getMessage());
  }
}
