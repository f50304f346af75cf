package vn.storybank.core.transfer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The lines of an NDJSON file, each decoded from UTF-8 on its own: a line that is not UTF-8 is one
 * bad line, reported with its number, and the lines after it are read as usual. (A reader decoding
 * the whole file stops at the first bad byte with an exception for the whole import.)
 */
final class NdjsonLines implements Closeable {
  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  // Read in blocks and scanned for line feeds: reading byte by byte through a buffered stream (two
  // synchronised calls per byte) was most of the import's request thread (170 MB, read twice).
  private final byte[] block = new byte[1 << 16];
  private int blockStart;
  private int blockEnd;
  private boolean ended;
  private byte[] line = new byte[1 << 14];
  private CharBuffer text = CharBuffer.allocate(1 << 14);
  private int number;

  /** One line: its number from 1, and its text, or why it has none. */
  record Line(int number, String text, String error) {}

  NdjsonLines(Path file) throws IOException {
    this.in = Files.newInputStream(file);
  }

  /** The next line, or null at the end of the file. */
  Line next() throws IOException {
    int length = 0;
    boolean sawEnd = false;
    while (true) {
      if (blockStart == blockEnd) {
        if (ended || !fill()) {
          break;
        }
      }
      int feed = indexOf(block, blockStart, blockEnd, (byte) '\n');
      int end = feed < 0 ? blockEnd : feed;
      length = append(length, end - blockStart);
      blockStart = feed < 0 ? blockEnd : feed + 1;
      if (feed >= 0) {
        sawEnd = true;
        break;
      }
    }
    if (!sawEnd && length == 0) {
      return null;
    }
    number++;
    int usable = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    ByteBuffer input = ByteBuffer.wrap(line, 0, usable);
    if (text.capacity() < usable) {
      text = CharBuffer.allocate(usable);
    }
    text.clear();
    decoder.reset();
    CoderResult result = decoder.decode(input, text, true);
    if (result.isError()) {
      return new Line(
          number,
          null,
          "is not valid UTF-8 (byte "
              + (input.position() + 1)
              + " of the line); the import must be UTF-8 text");
    }
    decoder.flush(text);
    text.flip();
    return new Line(number, text.toString(), null);
  }

  private boolean fill() throws IOException {
    int read = in.read(block);
    if (read < 0) {
      ended = true;
      blockStart = blockEnd = 0;
      return false;
    }
    blockStart = 0;
    blockEnd = read;
    return true;
  }

  /** Appends {@code count} bytes of the block to the line; returns the line's new length. */
  private int append(int length, int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(block, blockStart, line, length, count);
    return length + count;
  }

  private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
