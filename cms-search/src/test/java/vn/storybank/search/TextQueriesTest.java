package vn.storybank.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextQueriesTest {
  @Test
  void threeSyllableNamesTypedAsOneWordAreCutWherePiecesAreSyllables() {
    assertEquals(List.of("dien bien phu"), TextQueries.threeSyllables("dienbienphu"));
    assertEquals(List.of("hoang lien son"), TextQueries.threeSyllables("hoanglienson"));
    assertEquals(List.of("mu cang chai", "muc ang chai"), TextQueries.threeSyllables("mucangchai"));
    assertTrue(TextQueries.threeSyllables("hochiminh").contains("ho chi minh"));
  }

  @Test
  void shortWordsAndWordsThatAreNotSyllablesAreNotCut() {
    assertEquals(List.of(), TextQueries.threeSyllables("sapa"), "too short for three");
    assertEquals(List.of(), TextQueries.threeSyllables("strengths"));
    assertEquals(List.of(), TextQueries.threeSyllables("sapalaocai"), "four syllables");
    assertTrue(TextQueries.threeSyllables("nguyenhue").size() <= 8, "bounded");
  }
}
