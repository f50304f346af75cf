package vn.storybank.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QueryStringEncodingTest {
  /** What the HTTP server makes of raw bytes: one character per byte. */
  private static String asTheServerReadsIt(String typed) {
    return new String(typed.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  @Test
  void rawUtf8BytesBecomeTheTextTyped() {
    String typed = "q=ruộng bậc thang&locale=vi&x=炒饭 🍚";
    String encoded = QueryStringEncoding.percentEncoded(asTheServerReadsIt(typed));
    assertEquals(
        "q=ru%E1%BB%99ng b%E1%BA%ADc thang&locale=vi&x=%E7%82%92%E9%A5%AD %F0%9F%8D%9A", encoded);
    assertEquals(typed, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
  }

  @Test
  void charactersAServerAlreadyDecodedAreEncodedAsUtf8() {
    assertEquals("q=%E1%BB%99%F0%9F%8D%9A", QueryStringEncoding.percentEncoded("q=ộ🍚"));
    assertEquals("q=a%20b", QueryStringEncoding.percentEncoded("q=a%20b"));
  }
}
