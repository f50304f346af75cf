package vn.storybank.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CharactersTest {
  @Test
  void findsTheFirstForbiddenCharacterAnywhereInALongText() {
    String text = "Người H'Mông 中文 ".repeat(200);
    assertEquals(-1, Characters.firstForbidden(text));
    assertEquals(-1, Characters.firstForbidden(text + "\t\n\r"));
    assertEquals(text.length(), Characters.firstForbidden(text + "\u0007"));
    assertEquals(text.length(), Characters.firstForbidden(text + "\uFFFE"));
    assertEquals(text.length(), Characters.firstForbidden(text + "\uDC00x"));
    assertEquals(text.length() + 2, Characters.firstForbidden(text + "😀\u0000"));
    // A pair split across the blocks the text is read in is still a pair.
    String pairAcrossBlocks = "a".repeat(1023) + "😀" + "b".repeat(2000);
    assertEquals(-1, Characters.firstForbidden(pairAcrossBlocks));
    assertEquals(1023, Characters.firstForbidden("a".repeat(1023) + "\uD800b"));
    assertEquals(2, Characters.firstForbidden(new StringBuilder("ab\u0001")));
    assertEquals(-1, Characters.firstForbidden(""));
  }
}
