package vn.storybank.core.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Rendition speed: 24-megapixel JPEGs to the card and hero presets with Thumbnailator (as the
 * server makes them), against {@code vipsthumbnail} on the same files, in the same run; and hero
 * with a brand-kit watermark (Thumbnailator only: vipsthumbnail has none). Run by {@code
 * deploy/bench/renditions}; never by {@code mvn verify}.
 *
 * <p>Usage: {@code RenditionBenchmark <images> <runs> [vipsthumbnail path or "none"]}
 */
public final class RenditionBenchmark {
  private RenditionBenchmark() {}

  public static void main(String[] args) throws Exception {
    int images = Integer.parseInt(args[0]);
    int runs = Integer.parseInt(args[1]);
    String vips = args.length > 2 ? args[2] : "none";
    Path work = Files.createTempDirectory("storybank-rendition-bench-");
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      files.add(photo(work.resolve("photo-" + i + ".jpg"), 6000, 4000, i));
    }
    System.out.printf(
        Locale.ROOT,
        "%d JPEGs of 6000x4000 (24 MP), %.1f MB each on average; Java %s, %d CPUs%n",
        images,
        files.stream().mapToLong(RenditionBenchmark::size).average().orElse(0) / 1e6,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    FileSystemBlobStore store = new FileSystemBlobStore(work.resolve("blobs"));
    List<String> shas = new ArrayList<>();
    for (Path file : files) {
      String sha = sha256(file);
      store.put(BlobKeys.original(sha), file);
      shas.add(sha);
    }
    Path logo = logo(work.resolve("logo.png"));
    String logoSha = sha256(logo);
    store.put(BlobKeys.original(logoSha), logo);
    MediaSettings settings = MediaSettings.defaults(store, work.resolve("tmp"));
    int counter = 0;
    for (String presetName : List.of("card", "hero", "hero+watermark")) {
      Preset preset = Preset.STANDARD.get(presetName.replace("+watermark", ""));
      Renditions.Mark mark =
          presetName.endsWith("+watermark")
              ? new Renditions.Mark(logoSha, "bottom-right", 0.6, 0.2)
              : null;
      List<Double> java = new ArrayList<>();
      List<Double> native_ = new ArrayList<>();
      long peak = 0;
      for (int run = 0; run <= runs; run++) {
        Renditions renditions = new Renditions(settings);
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        for (String sha : shas) {
          String key = BlobKeys.renditionFolder(sha) + "bench-" + (counter++) + ".jpg";
          renditions.ensure(key, BlobKeys.original(sha), 6000, 4000, preset, null, mark);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long runPeak = heapPeak();
        double vipsSeconds = Double.NaN;
        // vipsthumbnail has no watermark: the watermarked row measures Thumbnailator's extra cost.
        if (!vips.equals("none") && mark == null) {
          long vipsStart = System.nanoTime();
          for (Path file : files) {
            Process p =
                new ProcessBuilder(
                        vips,
                        file.toString(),
                        "-s",
                        preset.width() + "x" + preset.height(),
                        "-o",
                        work.resolve("vips-%s.jpg").toString() + "[Q=82,strip]")
                    .inheritIO()
                    .start();
            if (p.waitFor() != 0) {
              throw new IllegalStateException("vipsthumbnail failed");
            }
          }
          vipsSeconds = (System.nanoTime() - vipsStart) / 1e9;
        }
        System.out.printf(
            Locale.ROOT,
            "%s run %d%s: Thumbnailator %.2f s (%.2f renditions/s, peak heap %d MB)%s%n",
            presetName,
            run,
            run == 0 ? " (warm-up, not counted)" : "",
            seconds,
            images / seconds,
            runPeak / (1024 * 1024),
            Double.isNaN(vipsSeconds)
                ? ""
                : String.format(
                    Locale.ROOT,
                    " | vipsthumbnail %.2f s (%.2f/s)",
                    vipsSeconds,
                    images / vipsSeconds));
        if (run > 0) {
          java.add(seconds);
          native_.add(vipsSeconds);
          peak = Math.max(peak, runPeak);
        }
      }
      double j = median(java);
      double v = median(native_);
      System.out.printf(
          Locale.ROOT,
          "%s median: Thumbnailator %.2f s for %d (%.2f/s, %.0f ms each), peak heap %d MB%s%n",
          presetName,
          j,
          images,
          images / j,
          j * 1000 / images,
          peak / (1024 * 1024),
          Double.isNaN(v)
              ? ""
              : String.format(
                  Locale.ROOT,
                  "; vipsthumbnail %.2f s (%.2f/s, %.0f ms each); ratio %.2fx",
                  v,
                  images / v,
                  v * 1000 / images,
                  j / v));
    }
  }

  /** A brand-kit logo: a 600x300 PNG, half-transparent red with an opaque band. */
  static Path logo(Path target) throws IOException {
    BufferedImage image = new BufferedImage(600, 300, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(200, 0, 0, 128));
    g.fillRect(0, 0, 600, 300);
    g.setColor(Color.WHITE);
    g.fillRect(0, 120, 600, 60);
    g.dispose();
    ImageIO.write(image, "png", target.toFile());
    return target;
  }

  /** A photo-like image: gradients and soft shapes with some grain, so it compresses like one. */
  static Path photo(Path target, int width, int height, int seed) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    Random random = new Random(seed);
    g.setPaint(
        new GradientPaint(0, 0, new Color(70, 120, 200), 0, height, new Color(240, 200, 150)));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 400; i++) {
      g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90));
      int w = 50 + random.nextInt(900);
      int h = 50 + random.nextInt(700);
      g.fillOval(random.nextInt(width), random.nextInt(height), w, h);
    }
    g.dispose();
    for (int y = 0; y < height; y += 1) {
      for (int x = 0; x < width; x++) {
        int rgb = image.getRGB(x, y);
        int d = random.nextInt(25) - 12;
        int r = clamp(((rgb >> 16) & 0xFF) + d);
        int gr = clamp(((rgb >> 8) & 0xFF) + d);
        int b = clamp((rgb & 0xFF) + d);
        image.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
    ImageIO.write(image, "jpeg", target.toFile());
    return target;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
