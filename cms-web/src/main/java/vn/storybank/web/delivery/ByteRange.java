package vn.storybank.web.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP byte range (RFC 9110): {@code bytes=first-last}, {@code bytes=first-} or {@code
 * bytes=-suffix}. Several ranges, or a header that is not a byte range, are ignored (the whole file
 * is sent), as the RFC allows.
 */
record ByteRange(long first, long last, boolean satisfiable) {
  private static final Pattern SINGLE =
      Pattern.compile("^\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*$");

  long length() {
    return last - first + 1;
  }

  /** The range asked for, or null to send the whole file. */
  static ByteRange parse(String header, long size) {
    if (header == null) {
      return null;
    }
    Matcher m = SINGLE.matcher(header);
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return null;
    }
    try {
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        if (suffix == 0 || size == 0) {
          return new ByteRange(0, 0, false);
        }
        return new ByteRange(Math.max(0, size - suffix), size - 1, true);
      }
      long first = Long.parseLong(m.group(1));
      long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
      if (first >= size || last < first) {
        return new ByteRange(0, 0, false);
      }
      return new ByteRange(first, last, true);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
