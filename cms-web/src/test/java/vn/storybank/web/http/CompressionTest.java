package vn.storybank.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

class CompressionTest {
  @Test
  void onlyTextIsCompressed() {
    for (String text :
        new String[] {
          "application/json",
          "application/problem+json",
          "application/feed+json",
          "application/atom+xml",
          "application/xml",
          "application/x-ndjson",
          "text/csv",
          "text/plain"
        }) {
      assertTrue(Compression.compressible(type(text)), text);
    }
    for (String media :
        new String[] {
          "image/jpeg",
          "image/png",
          "video/mp4",
          "audio/mpeg",
          "application/pdf",
          "application/octet-stream"
        }) {
      assertFalse(Compression.compressible(type(media)), media);
    }
    assertFalse(Compression.compressible(null));
  }

  /** Without MediaType.valueOf, which needs a JAX-RS implementation at hand. */
  private static MediaType type(String text) {
    String[] parts = text.split("/");
    return new MediaType(parts[0], parts[1]);
  }

  @Test
  void theEncodingFollowsAcceptEncodingAndItsQualities() {
    assertEquals("gzip", Compression.chosen("gzip"));
    assertEquals("gzip", Compression.chosen("gzip, deflate, br"));
    assertEquals("deflate", Compression.chosen("deflate"));
    assertEquals("gzip", Compression.chosen("*"));
    assertEquals("deflate", Compression.chosen("gzip;q=0, deflate;q=0.5"));
    assertEquals("deflate", Compression.chosen("GZIP;Q=0, *"));
    assertNull(Compression.chosen("br"));
    assertNull(Compression.chosen("identity"));
    assertNull(Compression.chosen("*;q=0"));
    assertNull(Compression.chosen("gzip;q=zero"));
    assertNull(Compression.chosen(""));
    assertNull(Compression.chosen(null));
  }
}
