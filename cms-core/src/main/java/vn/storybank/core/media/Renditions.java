package vn.storybank.core.media;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Position;
import net.coobird.thumbnailator.geometry.Positions;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import vn.storybank.core.concurrent.SingleFlight;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;

/**
 * Makes renditions with Thumbnailator (EXIF orientation applied) as JPEG, on first request, and
 * keeps them in the blob store under the original's hash, the preset, the focal point, the output
 * settings and the watermark. Concurrent requests for the same rendition wait for one computation.
 */
final class Renditions {
  /** At three bytes a pixel about 75 MB: a 24-megapixel photo is still decoded whole. */
  static final long DECODE_BUDGET_PIXELS = 25_000_000L;

  private final BlobStore store;
  private final Path tempDir;
  private final float quality;
  private final boolean progressive;
  private final SingleFlight<Long> inFlight = new SingleFlight<>();
  private final AtomicInteger generated = new AtomicInteger();
  private final LongAdder stored = new LongAdder();

  Renditions(MediaSettings settings) {
    this.store = settings.store();
    this.tempDir = settings.tempDir();
    this.quality = settings.jpegQuality();
    this.progressive = settings.progressive();
    // ImageIO finds readers (WebP) through the class loader of its first caller; in a web
    // application that may have been the server's, which cannot see WEB-INF/lib.
    ImageIO.scanForPlugins();
  }

  /** How many renditions this process computed (for tests and metrics). */
  int generated() {
    return generated.get();
  }

  /** How many rendition requests the store answered without computing (for metrics). */
  long stored() {
    return stored.sum();
  }

  /**
   * A logo laid over a rendition: the logo's bytes (by hash), where, how opaque and how wide (a
   * share of the rendition's width).
   */
  record Mark(String logoSha, String position, double opacity, double scale) {
    /** Short and stable: the same logo and settings give the same key, any change a new one. */
    String id() {
      String text =
          logoSha + "|" + position + "|" + Double.toString(opacity) + "|" + Double.toString(scale);
      try {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8));
        return HexFormat.of().formatHex(hash, 0, 6);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    Position place() {
      return switch (position) {
        case "bottom-left" -> Positions.BOTTOM_LEFT;
        case "top-right" -> Positions.TOP_RIGHT;
        case "top-left" -> Positions.TOP_LEFT;
        case "center" -> Positions.CENTER;
        default -> Positions.BOTTOM_RIGHT;
      };
    }
  }

  String key(String sha, Preset preset, FocalPoint focal, Mark mark) {
    FocalPoint f = focal == null ? FocalPoint.CENTRE : focal;
    String focalPart =
        preset.crop()
            ? String.format(
                Locale.ROOT, "-f%04d-%04d", Math.round(f.x() * 1000), Math.round(f.y() * 1000))
            : "";
    return BlobKeys.renditionFolder(sha)
        + preset.name()
        + focalPart
        + "-q"
        + Math.round(quality * 100)
        + (progressive ? "p" : "")
        + (mark == null ? "" : "-w" + mark.id())
        + ".jpg";
  }

  /** The rendition's key, computed and stored if absent; returns its size. */
  long ensure(
      String key,
      String originalKey,
      int width,
      int height,
      Preset preset,
      FocalPoint focal,
      Mark mark) {
    var existing = store.size(key);
    if (existing.isPresent()) {
      stored.increment();
      return existing.get();
    }
    return inFlight.run(
        key,
        () ->
            store
                .size(key)
                .orElseGet(() -> render(key, originalKey, width, height, preset, focal, mark)));
  }

  private long render(
      String key,
      String originalKey,
      int width,
      int height,
      Preset preset,
      FocalPoint focal,
      Mark mark) {
    Path temp = null;
    try {
      temp = Files.createTempFile(tempDir, "rendition-", ".jpg");
      int orientation = orientation(originalKey);
      BufferedImage image;
      try (InputStream original = store.open(originalKey)) {
        image = scaled(original, width, height, preset, orientation);
      }
      if (preset.crop()) {
        image = crop(image, preset, focal == null ? FocalPoint.CENTRE : focal);
      }
      if (mark != null) {
        image = watermarked(image, mark);
      }
      writeJpeg(rgb(image), temp);
      generated.incrementAndGet();
      store.put(key, temp);
      return Files.size(temp);
    } catch (IOException | RuntimeException e) {
      if (e instanceof StorybankException se) {
        throw se;
      }
      throw new StorybankException(
          ErrorKind.UNPROCESSABLE,
          "The rendition "
              + preset.name()
              + " could not be made from this file ("
              + e.getMessage()
              + ").");
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // A leftover temporary file; the folder is for temporary files.
        }
      }
    }
  }

  /**
   * Scaled (never enlarged) so that it fits the box, or covers it when cropping. The reduction is
   * made in three parts:
   *
   * <ol>
   *   <li>A large reduction decodes only every n-th pixel (ImageIO subsampling), keeping at least
   *       four times the target size. This is the cheap part, and it aliases: a pattern finer than
   *       the kept grid (brocade, rice-terrace lines) can fold into moiré. Keeping four times the
   *       target leaves the folded detail to the averaging below, which removes most of it.
   *   <li>What is still twice the target is halved by {@link BoxHalving}: 2×2 means, the same as
   *       Thumbnailator's progressive scaling would do, three times faster.
   *   <li>Thumbnailator scales the rest and applies the EXIF orientation.
   * </ol>
   *
   * <p>Whatever the reduction, at most {@link #DECODE_BUDGET_PIXELS} are decoded, so that a large
   * original does not take hundreds of megabytes of heap per rendition.
   */
  private static BufferedImage scaled(
      InputStream original, int width, int height, Preset preset, int orientation)
      throws IOException {
    double sx = (double) preset.width() / width;
    double sy = (double) preset.height() / height;
    double scale = Math.min(1.0, preset.crop() ? Math.max(sx, sy) : Math.min(sx, sy));
    try (ImageInputStream in = ImageIO.createImageInputStream(original)) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IOException("no image reader for this file");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int sourceWidth = reader.getWidth(0);
        int sourceHeight = reader.getHeight(0);
        int step = Math.max(1, (int) Math.floor(1 / (4 * scale)));
        while ((long) sourceWidth * sourceHeight / ((long) step * step) > DECODE_BUDGET_PIXELS) {
          step++;
        }
        ImageReadParam param = reader.getDefaultReadParam();
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        int targetWidth = Math.max(1, (int) Math.round(sourceWidth * scale));
        int targetHeight = Math.max(1, (int) Math.round(sourceHeight * scale));
        BufferedImage decoded = reader.read(0, param);
        while (decoded.getWidth() >= 2 * targetWidth
            && decoded.getHeight() >= 2 * targetHeight
            && BoxHalving.supports(decoded)) {
          decoded = BoxHalving.halve(decoded);
        }
        Thumbnails.Builder<BufferedImage> builder =
            scale >= 1.0
                ? Thumbnails.of(decoded).scale(1.0)
                : Thumbnails.of(decoded)
                    .scale(
                        (double) targetWidth / decoded.getWidth(),
                        (double) targetHeight / decoded.getHeight());
        if (orientation > 1 && orientation <= 8) {
          builder.addFilter(
              ExifFilterUtils.getFilterForOrientation(Orientation.typeOf(orientation)));
        }
        return builder.asBufferedImage();
      } finally {
        reader.dispose();
      }
    }
  }

  /**
   * The logo, sized to its share of the image's width (and never taller than the image), laid over
   * it with Thumbnailator's watermark filter.
   */
  private BufferedImage watermarked(BufferedImage image, Mark mark) throws IOException {
    BufferedImage logo;
    try (InputStream in = store.open(BlobKeys.original(mark.logoSha()))) {
      logo = ImageIO.read(in);
    }
    if (logo == null) {
      throw new IOException("the brand-kit logo cannot be read as an image");
    }
    int width = Math.max(1, (int) Math.round(image.getWidth() * mark.scale()));
    BufferedImage sized = Thumbnails.of(logo).size(width, image.getHeight()).asBufferedImage();
    return Thumbnails.of(image)
        .scale(1.0)
        .watermark(mark.place(), sized, (float) mark.opacity())
        .asBufferedImage();
  }

  /** The EXIF orientation (1..8) from the file's header; 1 when it has none. */
  private int orientation(String originalKey) {
    try (InputStream in = new BufferedInputStream(store.open(originalKey))) {
      ExifIFD0Directory exif =
          ImageMetadataReader.readMetadata(in).getFirstDirectoryOfType(ExifIFD0Directory.class);
      Integer value = exif == null ? null : exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
      return value == null ? 1 : value;
    } catch (IOException | ImageProcessingException e) {
      return 1;
    }
  }

  /** The preset's aspect cut out of the image, centred on the focal point as far as it can be. */
  static BufferedImage crop(BufferedImage image, Preset preset, FocalPoint focal) {
    int w = image.getWidth();
    int h = image.getHeight();
    double aspect = (double) preset.width() / preset.height();
    int cw = Math.min(w, (int) Math.round(h * aspect));
    int ch = Math.min(h, (int) Math.round(cw / aspect));
    cw = Math.max(1, Math.min(cw, preset.width()));
    ch = Math.max(1, Math.min(ch, preset.height()));
    int x = (int) Math.round(focal.x() * w - cw / 2.0);
    int y = (int) Math.round(focal.y() * h - ch / 2.0);
    x = Math.max(0, Math.min(x, w - cw));
    y = Math.max(0, Math.min(y, h - ch));
    return image.getSubimage(x, y, cw, ch);
  }

  private static BufferedImage rgb(BufferedImage image) {
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  private void writeJpeg(BufferedImage image, Path target) throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter writer = writers.next();
    try (OutputStream out = Files.newOutputStream(target);
        ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      if (progressive) {
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }
}
