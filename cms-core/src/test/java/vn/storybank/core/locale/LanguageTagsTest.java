package vn.storybank.core.locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageTagsTest {
  @Test
  void tagsWithoutCldrDataAreAsGoodAsAny() {
    assertEquals(Optional.of("hnj"), LanguageTags.canonical("hnj"));
    assertEquals(Optional.of("ium"), LanguageTags.canonical("ium"));
    assertEquals(Optional.of("tyz"), LanguageTags.canonical("tyz"));
    assertEquals(Optional.of("blt-Tavt"), LanguageTags.canonical("blt-tavt"));
  }

  @Test
  void caseIsCanonicalised() {
    assertEquals(Optional.of("zh-Hans"), LanguageTags.canonical("ZH-hans"));
    assertEquals(Optional.of("vi-VN"), LanguageTags.canonical("vi_vn"));
  }

  @Test
  void malformedTagsAreRejected() {
    assertTrue(LanguageTags.canonical("english!").isEmpty());
    assertTrue(LanguageTags.canonical("").isEmpty());
    assertTrue(LanguageTags.canonical(null).isEmpty());
    assertTrue(LanguageTags.canonical("x".repeat(40)).isEmpty());
  }
}
