package vn.storybank.core.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;

/** What every blob store does; run against the filesystem and against a real S3 server. */
public abstract class BlobStoreContract {
  @TempDir protected Path temp;

  /** The store under test, empty. */
  protected abstract BlobStore store();

  /** A working store answers the readiness probe, empty or not. */
  @Test
  void aWorkingStoreAnswersTheProbe() throws IOException {
    BlobStore store = store();
    store.probe();
    store.put("originals/aa/probe", write("probe.txt", new byte[] {1}));
    store.probe();
  }

  @Test
  void putGetExistsDelete() throws IOException {
    BlobStore store = store();
    Path file = write("hello.txt", "xin chào".getBytes(StandardCharsets.UTF_8));
    assertFalse(store.exists("originals/aa/hello"));
    store.put("originals/aa/hello", file);
    assertTrue(store.exists("originals/aa/hello"));
    assertEquals(Files.size(file), store.size("originals/aa/hello").orElseThrow());
    try (InputStream in = store.open("originals/aa/hello")) {
      assertEquals("xin chào", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    store.delete("originals/aa/hello");
    assertFalse(store.exists("originals/aa/hello"));
    store.delete("originals/aa/hello");
    StorybankException missing =
        assertThrows(StorybankException.class, () -> store.open("originals/aa/hello").close());
    assertEquals(ErrorKind.NOT_FOUND, missing.kind());
  }

  @Test
  void puttingTheSameKeyAgainKeepsOneBlob() throws IOException {
    BlobStore store = store();
    Path file = write("a.bin", new byte[] {1, 2, 3});
    store.put("originals/01/same", file);
    store.put("originals/01/same", file);
    assertEquals(1, store.list("originals/").size());
  }

  @Test
  void largeFileIsStreamedAndReadBackIntact() throws Exception {
    BlobStore store = store();
    Path big = temp.resolve("big.bin");
    MessageDigest written = MessageDigest.getInstance("SHA-256");
    Random random = new Random(42);
    byte[] chunk = new byte[1024 * 1024];
    try (OutputStream out = Files.newOutputStream(big)) {
      for (int i = 0; i < 20; i++) {
        random.nextBytes(chunk);
        written.update(chunk);
        out.write(chunk);
      }
    }
    store.put("originals/bb/big", big);
    assertEquals(20L * 1024 * 1024, store.size("originals/bb/big").orElseThrow());
    assertEquals(
        HexFormat.of().formatHex(written.digest()), sha256(store.open("originals/bb/big")));
  }

  @Test
  void rangeReadsReturnExactlyTheRange() throws IOException {
    BlobStore store = store();
    byte[] bytes = new byte[100_000];
    new Random(7).nextBytes(bytes);
    store.put("originals/cc/range", write("r.bin", bytes));
    try (InputStream in = store.open("originals/cc/range", 1000, 500)) {
      byte[] expected = new byte[500];
      System.arraycopy(bytes, 1000, expected, 0, 500);
      assertArrayEquals(expected, in.readAllBytes());
    }
    try (InputStream in = store.open("originals/cc/range", 99_990, 10)) {
      assertEquals(10, in.readAllBytes().length);
    }
  }

  @Test
  void listsByPrefix() throws IOException {
    BlobStore store = store();
    Path file = write("x", new byte[] {9});
    store.put("originals/dd/one", file);
    store.put("renditions/dd/card.jpg", file);
    List<BlobStore.Blob> originals = store.list("originals/");
    assertEquals(List.of("originals/dd/one"), originals.stream().map(BlobStore.Blob::key).toList());
    assertEquals(1, originals.get(0).size());
    assertEquals(2, store.list("").size());
  }

  @Test
  void keysCannotEscapeTheStore() throws IOException {
    BlobStore store = store();
    Path file = write("evil", new byte[] {6});
    for (String key : List.of("../evil", "originals/../../evil", "/etc/passwd", "a/./b", "A\\b")) {
      assertThrows(IllegalArgumentException.class, () -> store.put(key, file), key);
    }
  }

  protected Path write(String name, byte[] bytes) throws IOException {
    return Files.write(temp.resolve(name), bytes);
  }

  static String sha256(InputStream in) throws IOException {
    try (DigestInputStream digest =
        new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
      digest.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(digest.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
