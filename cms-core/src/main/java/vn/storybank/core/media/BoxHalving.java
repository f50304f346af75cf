package vn.storybank.core.media;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Halves an image's width and height, each pixel the mean of a 2×2 block. Thumbnailator's
 * progressive bilinear scaling halves an image the same way while it is at least twice the target,
 * but through Java2D's general drawing loops, which on a 24-megapixel photo take about three times
 * as long as this loop. The rest of the reduction is left to Thumbnailator.
 */
final class BoxHalving {
  private BoxHalving() {}

  /** Whether {@link #halve} can work on this image's memory layout. */
  static boolean supports(BufferedImage image) {
    if (image.getWidth() < 2 || image.getHeight() < 2) {
      return false;
    }
    WritableRaster raster = image.getRaster();
    if (raster.getParent() != null
        || raster.getSampleModelTranslateX() != 0
        || raster.getSampleModelTranslateY() != 0) {
      return false;
    }
    return switch (image.getType()) {
      case BufferedImage.TYPE_3BYTE_BGR ->
          raster.getSampleModel() instanceof ComponentSampleModel m
              && m.getPixelStride() == 3
              && m.getScanlineStride() == 3 * image.getWidth()
              && raster.getDataBuffer().getOffset() == 0;
      case BufferedImage.TYPE_INT_RGB ->
          raster.getSampleModel() instanceof SinglePixelPackedSampleModel m
              && m.getScanlineStride() == image.getWidth()
              && raster.getDataBuffer().getOffset() == 0;
      default -> false;
    };
  }

  /** The halved image (an odd last row or column is dropped); see {@link #supports}. */
  static BufferedImage halve(BufferedImage source) {
    int w = source.getWidth() / 2;
    int h = source.getHeight() / 2;
    BufferedImage target = new BufferedImage(w, h, source.getType());
    if (source.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      halveBytes(bytes(source), source.getWidth() * 3, bytes(target), w, h);
    } else {
      halveInts(ints(source), source.getWidth(), ints(target), w, h);
    }
    return target;
  }

  private static void halveBytes(byte[] src, int srcStride, byte[] dst, int w, int h) {
    int out = 0;
    for (int y = 0; y < h; y++) {
      int top = 2 * y * srcStride;
      int bottom = top + srcStride;
      int end = top + w * 6;
      for (; top < end; top += 6, bottom += 6) {
        for (int c = 0; c < 3; c++) {
          int sum =
              (src[top + c] & 0xff)
                  + (src[top + 3 + c] & 0xff)
                  + (src[bottom + c] & 0xff)
                  + (src[bottom + 3 + c] & 0xff);
          dst[out++] = (byte) ((sum + 2) >> 2);
        }
      }
    }
  }

  private static void halveInts(int[] src, int srcStride, int[] dst, int w, int h) {
    int out = 0;
    for (int y = 0; y < h; y++) {
      int top = 2 * y * srcStride;
      int bottom = top + srcStride;
      for (int x = 0; x < w; x++, top += 2, bottom += 2) {
        int a = src[top];
        int b = src[top + 1];
        int c = src[bottom];
        int d = src[bottom + 1];
        int r =
            (((a >> 16) & 0xff) + ((b >> 16) & 0xff) + ((c >> 16) & 0xff) + ((d >> 16) & 0xff) + 2)
                >> 2;
        int g =
            (((a >> 8) & 0xff) + ((b >> 8) & 0xff) + ((c >> 8) & 0xff) + ((d >> 8) & 0xff) + 2)
                >> 2;
        int bl = ((a & 0xff) + (b & 0xff) + (c & 0xff) + (d & 0xff) + 2) >> 2;
        dst[out++] = (r << 16) | (g << 8) | bl;
      }
    }
  }

  private static byte[] bytes(BufferedImage image) {
    return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
  }

  private static int[] ints(BufferedImage image) {
    return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
  }
}
