package vn.storybank.s3;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.storybank.core.Storybank;
import vn.storybank.core.media.BlobStore;
import vn.storybank.core.media.FileSystemBlobStore;
import vn.storybank.core.media.MediaSettings;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;

/**
 * Upload throughput through the core (stream to a temporary file with SHA-256, inspect, store,
 * record) into the filesystem store and into S3Proxy in the same JVM. Run by {@code
 * deploy/bench/uploads}; never by {@code mvn verify}.
 *
 * <p>Usage: {@code UploadBenchmark <files> <megabytes each> <runs>}
 */
public final class UploadBenchmark {
  private UploadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int files = Integer.parseInt(args[0]);
    long bytes = Long.parseLong(args[1]) * 1024 * 1024;
    int runs = Integer.parseInt(args[2]);
    Path work = Files.createTempDirectory("storybank-upload-bench-");
    try (S3Server s3 = S3Server.start(work.resolve("s3"))) {
      for (String kind : List.of("filesystem", "s3")) {
        List<Double> rates = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
          Path dir = work.resolve(kind + "-" + run);
          BlobStore store =
              kind.equals("s3")
                  ? s3.store("bench-" + run)
                  : new FileSystemBlobStore(dir.resolve("blobs"));
          MediaSettings settings = MediaSettings.defaults(store, dir.resolve("tmp"));
          try (Storybank core =
              Storybank.start(TestDatabases.h2(dir.resolve("db")), Clock.systemUTC(), settings)) {
            TestContent.laoCai(core);
            long start = System.nanoTime();
            for (int i = 0; i < files; i++) {
              try (InputStream in = new Video(bytes, run * 1000L + i)) {
                core.mediaFiles()
                    .upload(TestContent.TENANT, in, "video/mp4", "v.mp4", null, TestContent.ACTOR);
              }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = files * bytes / 1e6 / seconds;
            System.out.printf(
                Locale.ROOT,
                "%s run %d%s: %d x %d MB in %.2f s = %.0f MB/s%n",
                kind,
                run,
                run == 0 ? " (warm-up, not counted)" : "",
                files,
                bytes / (1024 * 1024),
                seconds,
                rate);
            if (run > 0) {
              rates.add(rate);
            }
          }
        }
        rates.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%s median: %.0f MB/s%n", kind, rates.get(rates.size() / 2));
      }
    }
  }

  /** An MP4 (ftyp + one mdat box) of the given size, generated on the fly, unique per seed. */
  static final class Video extends InputStream {
    private final long size;
    private final long seed;
    private long position;

    Video(long size, long seed) {
      this.size = size;
      this.seed = seed;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      long mdat = size - 16;
      byte[] header = {
        0,
        0,
        0,
        8,
        'f',
        't',
        'y',
        'p',
        (byte) (mdat >>> 24),
        (byte) (mdat >>> 16),
        (byte) (mdat >>> 8),
        (byte) mdat,
        'm',
        'd',
        'a',
        't'
      };
      for (int i = 0; i < n; i++) {
        long p = position + i;
        b[off + i] = p < 16 ? header[(int) p] : (byte) (p * 31 + seed);
      }
      position += n;
      return n;
    }
  }
}
