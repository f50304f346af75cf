package vn.storybank.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

class ConditionalRequestsTest {
  static final Date MODIFIED = Date.from(Instant.parse("2026-12-08T01:18:55.389Z"));
  static final String SAME_SECOND = "Tue, 08 Dec 2026 01:18:55 GMT";

  @Test
  void ifNoneMatchComparesWeaklyInEitherCoding() {
    assertTrue(EntityTags.matches("\"abc\"", "\"abc\""));
    assertTrue(EntityTags.matches("W/\"abc\"", "\"abc\""));
    assertTrue(EntityTags.matches("\"abc-gzip\"", "\"abc\""));
    assertTrue(EntityTags.matches("\"abc\"", "\"abc-gzip\""));
    assertTrue(EntityTags.matches("\"x\", \"abc-deflate\"", "\"abc-gzip\""));
    assertTrue(EntityTags.matches("*", "\"abc\""));
    assertTrue(EntityTags.matches("\"abc\"", "W/\"abc\""));
    assertFalse(EntityTags.matches("\"abd\"", "\"abc\""));
    assertFalse(EntityTags.matches("\"abc-br\"", "\"abc\""));
    assertFalse(EntityTags.matches(null, "\"abc\""));
  }

  @Test
  void aCodedTagNamesItsCodingAndWeakTagsStayShared() {
    assertEquals("\"abc-gzip\"", EntityTags.coded("\"abc\"", "gzip"));
    assertEquals("W/\"abc\"", EntityTags.coded("W/\"abc\"", "gzip"));
  }

  @Test
  void ifModifiedSinceAnswers304FromTheLastModifiedSecondOn() {
    assertTrue(ConditionalRequests.notModified(null, SAME_SECOND, "\"a\"", MODIFIED));
    assertTrue(
        ConditionalRequests.notModified(null, "Wed, 09 Dec 2026 00:00:00 GMT", "\"a\"", MODIFIED));
    assertFalse(
        ConditionalRequests.notModified(null, "Tue, 08 Dec 2026 01:18:54 GMT", "\"a\"", MODIFIED));
    assertFalse(ConditionalRequests.notModified(null, "yesterday", "\"a\"", MODIFIED));
    assertFalse(ConditionalRequests.notModified(null, SAME_SECOND, "\"a\"", null));
  }

  @Test
  void ifNoneMatchDecidesAloneWhenSent() {
    assertFalse(ConditionalRequests.notModified("\"b\"", SAME_SECOND, "\"a\"", MODIFIED));
    assertTrue(
        ConditionalRequests.notModified(
            "\"a\"", "Mon, 01 Jan 2024 00:00:00 GMT", "\"a\"", MODIFIED));
  }

  @Test
  void anIfMatchMayNameTheCompressedTag() {
    assertEquals(3L, Preconditions.expectedVersion("\"3-gzip\""));
    assertEquals(3L, Preconditions.expectedVersion("\"3\""));
  }
}
