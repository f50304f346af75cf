package vn.storybank.core.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real files built by the tests: images with known content, metadata, and hostile files. */
public final class TestMedia {
  private TestMedia() {}

  /** A JPEG whose left half is red and right half blue, so crops can be told apart by colour. */
  public static byte[] jpeg(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return encode(image, "jpeg");
  }

  /**
   * A PNG of one-pixel black and white columns: the finest detail an image can hold, which a
   * careless reduction turns into black, white or moiré instead of the grey the eye sees.
   */
  public static byte[] stripes(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    for (int x = 1; x < width; x += 2) {
      g.fillRect(x, 0, 1, height);
    }
    g.dispose();
    return encode(image, "png");
  }

  public static byte[] png(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0, 128, 0, 200));
    g.fillRect(0, 0, width, height);
    g.dispose();
    return encode(image, "png");
  }

  /**
   * A JPEG with EXIF: camera make and model, orientation, copyright, artist and the capture date.
   * Orientation 6 means "rotate 90° clockwise to display".
   */
  public static byte[] jpegWithExif(int width, int height, int orientation) {
    byte[] plain = jpeg(width, height);
    byte[] app1 = exif(orientation);
    byte[] out = new byte[plain.length + app1.length];
    out[0] = plain[0];
    out[1] = plain[1];
    System.arraycopy(app1, 0, out, 2, app1.length);
    System.arraycopy(plain, 2, out, 2 + app1.length, plain.length - 2);
    return out;
  }

  /** A PNG whose header claims width × height; the pixel data is a few bytes of nothing. */
  public static byte[] pngClaiming(int width, int height) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(ihdr);
      h.writeInt(width);
      h.writeInt(height);
      h.write(new byte[] {8, 2, 0, 0, 0});
      chunk(out, "IHDR", ihdr.toByteArray());
      chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
      chunk(out, "IEND", new byte[0]);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A real lossy WebP, 640×400, a green gradient with a red 80×80 square at the top left. Made once
   * with cwebp (no Java encoder exists); the JDK cannot write WebP.
   */
  public static byte[] webp() {
    try (var in = TestMedia.class.getResourceAsStream("/media/rice-terraces-640x400.webp")) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** That WebP cut off in the middle of its image data. */
  public static byte[] truncatedWebp() {
    byte[] full = webp();
    return Arrays.copyOf(full, full.length / 2);
  }

  /** The first part of a real JPEG, cut off in the middle of its image data. */
  public static byte[] truncatedJpeg() {
    byte[] full = noisyJpeg(800, 600);
    return Arrays.copyOf(full, full.length / 2);
  }

  /** A JPEG of random noise (large, hard to compress). */
  public static byte[] noisyJpeg(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    java.util.Random random = new java.util.Random(width * 31L + height);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0xFFFFFF));
      }
    }
    return encode(image, "jpeg");
  }

  public static byte[] svg() {
    return "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
        .getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] pdf() {
    return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("No writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(data.length);
    out.write(name);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }

  /** An APP1 EXIF segment (big-endian TIFF) with IFD0 and an EXIF sub-IFD. */
  private static byte[] exif(int orientation) {
    try {
      byte[] make = ascii("Canon");
      byte[] model = ascii("Canon EOS R6");
      byte[] copyright = ascii("Sở VHTTDL Lào Cai");
      byte[] artist = ascii("Nguyễn Văn A");
      byte[] date = ascii("2025:09:02 08:30:00");
      int ifd0Entries = 6;
      int ifd0Size = 2 + ifd0Entries * 12 + 4;
      int subOffset = 8 + ifd0Size;
      int subSize = 2 + 12 + 4;
      int dataOffset = subOffset + subSize;
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      ByteArrayOutputStream tiff = new ByteArrayOutputStream();
      DataOutputStream t = new DataOutputStream(tiff);
      t.write(new byte[] {'M', 'M', 0, 42});
      t.writeInt(8);
      t.writeShort(ifd0Entries);
      entryAscii(t, 0x010F, make, dataOffset + data.size());
      data.write(make);
      entryAscii(t, 0x0110, model, dataOffset + data.size());
      data.write(model);
      t.writeShort(0x0112);
      t.writeShort(3);
      t.writeInt(1);
      t.writeShort(orientation);
      t.writeShort(0);
      entryAscii(t, 0x013B, artist, dataOffset + data.size());
      data.write(artist);
      entryAscii(t, 0x8298, copyright, dataOffset + data.size());
      data.write(copyright);
      t.writeShort(0x8769);
      t.writeShort(4);
      t.writeInt(1);
      t.writeInt(subOffset);
      t.writeInt(0);
      t.writeShort(1);
      entryAscii(t, 0x9003, date, dataOffset + data.size());
      data.write(date);
      t.writeInt(0);
      t.write(data.toByteArray());
      byte[] body = tiff.toByteArray();
      ByteArrayOutputStream segment = new ByteArrayOutputStream();
      DataOutputStream s = new DataOutputStream(segment);
      s.writeShort(0xFFE1);
      s.writeShort(2 + 6 + body.length);
      s.write(new byte[] {'E', 'x', 'i', 'f', 0, 0});
      s.write(body);
      return segment.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void entryAscii(DataOutputStream t, int tag, byte[] value, int offset)
      throws IOException {
    t.writeShort(tag);
    t.writeShort(2);
    t.writeInt(value.length);
    t.writeInt(offset);
  }

  private static byte[] ascii(String s) {
    byte[] text = s.getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(text, text.length + 1);
  }
}
