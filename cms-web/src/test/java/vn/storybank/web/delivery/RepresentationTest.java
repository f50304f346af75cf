package vn.storybank.web.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RepresentationTest {
  @Test
  void theEtagFollowsTheExactBytes() {
    byte[] page = "{\"items\":[{\"title\":\"Chợ phiên Bắc Hà\"}]}".getBytes(StandardCharsets.UTF_8);
    byte[] same = page.clone();
    byte[] oneByteOff = page.clone();
    oneByteOff[12] ^= 1;
    String etag = Representation.of(page, "application/json").etag();
    assertEquals(etag, Representation.of(same, "application/json").etag());
    assertNotEquals(etag, Representation.of(oneByteOff, "application/json").etag());
    assertNotEquals(etag, Representation.of(new byte[page.length + 1], "application/json").etag());
    assertEquals(18, etag.length(), etag); // 96 bits in base64url, quoted
  }
}
