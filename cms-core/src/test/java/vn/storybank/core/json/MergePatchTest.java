package vn.storybank.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Examples from RFC 7396, appendix A. */
class MergePatchTest {
  private static String apply(String target, String patch) throws Exception {
    return MergePatch.apply(Json.mapper().readTree(target), Json.mapper().readTree(patch))
        .toString();
  }

  @Test
  void rfc7396Examples() throws Exception {
    assertEquals("{\"a\":\"c\"}", apply("{\"a\":\"b\"}", "{\"a\":\"c\"}"));
    assertEquals("{\"a\":\"b\",\"b\":\"c\"}", apply("{\"a\":\"b\"}", "{\"b\":\"c\"}"));
    assertEquals("{}", apply("{\"a\":\"b\"}", "{\"a\":null}"));
    assertEquals("{\"a\":[\"b\"]}", apply("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[\"b\"]}"));
    assertEquals(
        "{\"a\":{\"b\":\"d\"}}",
        apply("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}"));
    assertEquals("[\"c\"]", apply("{\"a\":\"foo\"}", "[\"c\"]"));
  }
}
