package vn.storybank.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class BoxHalvingTest {
  @Test
  void eachPixelIsTheRoundedMeanOfItsBlock() {
    for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB}) {
      BufferedImage image = new BufferedImage(5, 3, type);
      int[][] block = {{0x000000, 0xffffff}, {0x102030, 0x0a0b0c}};
      for (int y = 0; y < 3; y++) {
        for (int x = 0; x < 5; x++) {
          image.setRGB(x, y, block[y % 2][x % 2]);
        }
      }
      assertTrue(BoxHalving.supports(image));
      BufferedImage half = BoxHalving.halve(image);
      assertEquals(2, half.getWidth(), "the odd last column is dropped");
      assertEquals(1, half.getHeight(), "and the odd last row");
      // red (0 + 255 + 16 + 10 + 2) / 4 = 70, green (0 + 255 + 32 + 11 + 2) / 4 = 75, blue 79
      assertEquals(0x464b4f, half.getRGB(0, 0) & 0xffffff);
      assertEquals(0x464b4f, half.getRGB(1, 0) & 0xffffff);
      assertEquals(type, half.getType());
    }
  }

  @Test
  void layoutsItDoesNotKnowAreLeftToThumbnailator() {
    assertFalse(BoxHalving.supports(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB)));
    assertFalse(BoxHalving.supports(new BufferedImage(1, 4, BufferedImage.TYPE_INT_RGB)));
    BufferedImage big = new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);
    assertFalse(BoxHalving.supports(big.getSubimage(2, 2, 4, 4)), "a view into a larger image");
  }
}
