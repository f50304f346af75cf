package vn.storybank.core.transfer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
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
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private int number;

  /** One line: its number from 1, and its text, or why it has none. */
  record Line(int number, String text, String error) {}

  NdjsonLines(Path file) throws IOException {
    this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
  }

  /** The next line, or null at the end of the file. */
  Line next() throws IOException {
    bytes.reset();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      bytes.write(b);
    }
    if (b == -1 && bytes.size() == 0) {
      return null;
    }
    number++;
    byte[] raw = bytes.toByteArray();
    int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
    ByteBuffer input = ByteBuffer.wrap(raw, 0, length);
    CharBuffer text = CharBuffer.allocate(length);
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
    return new Line(number, text.flip().toString(), null);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
