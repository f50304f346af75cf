package vn.storybank.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket: for requests an HTTP library will not send (a malformed
 * request line), and for a client at another loopback address (127.0.0.2), which the server counts
 * apart from the other tests' 127.0.0.1.
 */
final class RawHttp {
  private RawHttp() {}

  record Reply(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }

  /** A GET from the given local address, with the given extra header lines. */
  static Reply get(URI base, String from, String path, List<String> headerLines) {
    StringBuilder request = new StringBuilder("GET /" + path + " HTTP/1.1\r\n");
    request.append("Host: localhost:").append(base.getPort()).append("\r\n");
    headerLines.forEach(line -> request.append(line).append("\r\n"));
    request.append("Connection: close\r\n\r\n");
    return send(base, from, request.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The bytes as they are; the reply as it comes, until the server closes the connection. */
  static Reply send(URI base, String from, byte[] request) {
    try (Socket socket = new Socket()) {
      socket.setSoTimeout(20_000);
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      in.transferTo(received);
      return parse(received.toString(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reply parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
      return new Reply(0, Map.of(), raw);
    }
    String[] lines = raw.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.merge(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim(),
          (a, b) -> a + ", " + b);
    }
    byte[] body = raw.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
    return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
  }
}
