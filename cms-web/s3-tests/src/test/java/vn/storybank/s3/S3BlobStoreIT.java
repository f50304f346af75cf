package vn.storybank.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.media.BlobStore;
import vn.storybank.core.media.BlobStoreContract;
import vn.storybank.core.media.S3BlobStore;

/** The blob store contract against a real S3 server; each test gets a new, absent bucket. */
class S3BlobStoreIT extends BlobStoreContract {
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  @TempDir static Path s3dir;
  static S3Server server;

  @BeforeAll
  static void startServer() {
    server = S3Server.start(s3dir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  protected BlobStore store() {
    return server.store("test-" + BUCKETS.incrementAndGet());
  }

  @Test
  void anUnreachableServerIsUnavailableNotAnError() throws IOException {
    S3BlobStore nowhere = new S3BlobStore("http://127.0.0.1:9", "us-east-1", "media", "a", "b");
    Path file = write("f", new byte[] {1});
    StorybankException e =
        assertThrows(StorybankException.class, () -> nowhere.put("originals/aa/f", file));
    assertEquals(ErrorKind.UNAVAILABLE, e.kind());
    assertTrue(e.getMessage().contains("try again"), e.getMessage());
    assertEquals(
        ErrorKind.UNAVAILABLE,
        assertThrows(StorybankException.class, () -> nowhere.size("originals/aa/f")).kind());
    // Readiness: a store that does not answer fails the probe (an absent bucket does not).
    assertEquals(
        ErrorKind.UNAVAILABLE, assertThrows(StorybankException.class, nowhere::probe).kind());
  }
}
