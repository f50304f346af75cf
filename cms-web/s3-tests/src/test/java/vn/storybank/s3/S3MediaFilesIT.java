package vn.storybank.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.entry.ListQuery;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.media.BlobKeys;
import vn.storybank.core.media.BlobStore;
import vn.storybank.core.media.MediaFilesContract;
import vn.storybank.core.media.MediaView;
import vn.storybank.core.media.TestMedia;

/** Uploads, renditions and clean-up with the blobs in a real S3 server; and an S3 outage. */
class S3MediaFilesIT extends MediaFilesContract {
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  @TempDir static Path s3dir;
  private static S3Server server;

  @BeforeAll
  static void startServer() {
    server = S3Server.start(s3dir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  protected BlobStore store(Path dir) {
    return server.store("media-" + BUCKETS.incrementAndGet());
  }

  @Test
  void duringAnOutageUploadsFailCleanlyAndTheSweepCleansUpAfterwards() throws IOException {
    MediaView before = upload(TestMedia.jpeg(300, 200), "image/jpeg", "before.jpg", null);
    server.close();

    StorybankException e =
        assertKind(
            ErrorKind.UNAVAILABLE,
            () -> upload(TestMedia.jpeg(320, 200), "image/jpeg", "during.jpg", null));
    assertFalse(e.getMessage().contains("S3 bucket"), "where the store is: the log's business");
    assertTrue(e.operatorDetail().contains("S3 bucket"), e.operatorDetail());
    List<MediaView> records = storybank.media().list(T, ListQuery.firstPage(50), ACTOR).items();
    assertEquals(
        List.of(before.header().id()), records.stream().map(v -> v.header().id()).toList());
    assertKind(
        ErrorKind.UNAVAILABLE,
        () -> storybank.mediaDelivery().preview(T, before.header().id(), ACTOR));

    server = server.restart();
    for (MediaView record : storybank.media().list(T, ListQuery.firstPage(50), ACTOR).items()) {
      assertTrue(
          store.exists(BlobKeys.original(record.file().sha256())), "no record without its blob");
    }
    // A blob whose record was never written (the database failed after the upload) is swept.
    String orphan = "cd".repeat(32);
    store.put(
        BlobKeys.original(orphan), Files.write(dir.resolve("orphan-file"), new byte[] {1, 2, 3}));
    assertEquals(1, storybank.mediaFiles().sweep(Duration.ZERO));
    assertEquals(1, store.list(BlobKeys.ORIGINALS).size());
  }
}
