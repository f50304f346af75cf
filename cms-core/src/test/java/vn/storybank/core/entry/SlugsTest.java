package vn.storybank.core.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {
  @Test
  void vietnameseDiacriticsAreRemovedAndDBecomesD() {
    assertEquals("ruong-bac-thang-mu-cang-chai", Slugs.fromTitle("Ruộng bậc thang Mù Cang Chải"));
    assertEquals("dac-san-meo-vac-duong", Slugs.fromTitle("Đặc sản Mèo Vạc – ĐƯỜNG"));
    assertEquals("cho-phien-bac-ha", Slugs.fromTitle("  Chợ phiên   Bắc Hà!  "));
  }

  @Test
  void scriptsWithoutDiacriticsKeepTheirLetters() {
    assertEquals("老街-沙坝", Slugs.fromTitle("老街 · 沙坝"));
    assertEquals("ꪼꪕ", Slugs.fromTitle("ꪼꪕ"));
  }

  @Test
  void longTitlesAreCutAtAWordAndEmptyOnesGetAName() {
    String slug = Slugs.fromTitle("Sa Pa ".repeat(40));
    assertTrue(slug.length() <= Slugs.MAX_LENGTH, slug);
    assertFalse(slug.endsWith("-"));
    assertEquals("entry", Slugs.fromTitle("!!!"));
  }

  @Test
  void validSlugsAreLowerCaseWordsJoinedByHyphens() {
    assertTrue(Slugs.isValid("sa-pa-2"));
    assertFalse(Slugs.isValid("Sa-Pa"));
    assertFalse(Slugs.isValid("sa--pa"));
    assertFalse(Slugs.isValid("-sa"));
    assertFalse(Slugs.isValid("sa pa"));
  }
}
