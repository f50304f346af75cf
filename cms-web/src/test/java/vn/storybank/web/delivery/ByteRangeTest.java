package vn.storybank.web.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
  @Test
  void singleRangesInTheirThreeForms() {
    assertEquals(new ByteRange(10, 19, true), ByteRange.parse("bytes=10-19", 100));
    assertEquals(new ByteRange(90, 99, true), ByteRange.parse("bytes=90-", 100));
    assertEquals(new ByteRange(84, 99, true), ByteRange.parse("bytes=-16", 100));
    assertEquals(new ByteRange(0, 99, true), ByteRange.parse("bytes=0-5000", 100));
    assertEquals(10, ByteRange.parse("bytes=10-19", 100).length());
  }

  @Test
  void rangesOutsideTheFileAreUnsatisfiable() {
    assertFalse(ByteRange.parse("bytes=100-", 100).satisfiable());
    assertFalse(ByteRange.parse("bytes=20-10", 100).satisfiable());
    assertFalse(ByteRange.parse("bytes=-0", 100).satisfiable());
  }

  @Test
  void anythingElseMeansTheWholeFile() {
    assertNull(ByteRange.parse(null, 100));
    assertNull(ByteRange.parse("bytes=0-1,5-9", 100));
    assertNull(ByteRange.parse("items=0-1", 100));
    assertNull(ByteRange.parse("bytes=-", 100));
    assertNull(ByteRange.parse("bytes=99999999999999999999-", 100));
  }
}
