package vn.storybank.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;
import vn.storybank.core.error.FieldError;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.story.StoryInput;

/** Strings from outside are checked once, where JSON becomes input records. */
class JsonInputsTest {
  private static FieldError refused(String json) throws Exception {
    StorybankException e =
        assertThrows(
            StorybankException.class,
            () -> JsonInputs.convert(Json.mapper().readTree(json), StoryInput.class));
    assertEquals(1, e.fieldErrors().size(), e.getMessage());
    return e.fieldErrors().get(0);
  }

  @Test
  void controlCharactersInStringsAreRefusedWithTheirPath() throws Exception {
    FieldError title = refused("{\"translations\":{\"vi\":{\"title\":\"a\\u0000b\"}}}");
    assertEquals("translations.vi.title", title.field());
    assertTrue(title.message().contains("U+0000"), title.message());
    assertEquals("credit", refused("{\"credit\":\"x\\u001b[31m\"}").field());
    assertEquals("topics[1]", refused("{\"topics\":[\"ok\",\"bad\\u0007\"]}").field());
    assertEquals("credit", refused("{\"credit\":\"\\uffff\"}").field());
    assertEquals("credit", refused("{\"credit\":\"\\ud800x\"}").field());
    assertEquals("translations", refused("{\"translations\":{\"v\\u0000i\":{}}}").field());
  }

  @Test
  void tabsNewlinesAndPairedSurrogatesAreText() throws Exception {
    StoryInput input =
        JsonInputs.convert(
            Json.mapper().readTree("{\"credit\":\"a\\tb\\r\\nc \\ud83c\\udf3e \\u0085\"}"),
            StoryInput.class);
    assertEquals("a\tb\r\nc \uD83C\uDF3E \u0085", input.credit());
  }

  @Test
  void nullsInsideListsAndMapsAreRefusedWhereTheyAre() throws Exception {
    FieldError topic = refused("{\"topics\":[\"ok\",null]}");
    assertEquals("topics[1]", topic.field());
    assertEquals("relatedStories[0]", refused("{\"relatedStories\":[\"\"]}").field());
    assertEquals("translations.en", refused("{\"translations\":{\"en\":null}}").field());
  }

  @Test
  void duplicateKeysAreRefused() {
    JsonProcessingException e =
        assertThrows(
            JsonProcessingException.class,
            () -> Json.mapper().readTree("{\"credit\":\"a\",\"credit\":\"b\"}"));
    assertTrue(e.getOriginalMessage().contains("credit"), e.getOriginalMessage());
  }

  @Test
  void xmlSafeDropsOnlyWhatXmlForbids() {
    assertEquals(
        "ab\tc\n\uD83C\uDF3E", Characters.xmlSafe("a\u0000b\tc\n\u001b\uffff\uD83C\uDF3E\uDC00"));
    assertEquals(-1, Characters.firstForbidden("Lễ hội\r\n\t"));
  }
}
