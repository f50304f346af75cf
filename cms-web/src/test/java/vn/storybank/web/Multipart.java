package vn.storybank.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A media upload as a browser form sends it: the part {@code file} and, when given, the part {@code
 * metadata} (the record as JSON). Public for cms-s3-tests.
 */
public final class Multipart {
  private Multipart() {}

  /**
   * A POST of the file (and metadata, or null) to {@code uri}, without credentials yet; a null
   * {@code contentType} sends the part without a Content-Type line, as some clients do.
   */
  public static HttpRequest.Builder upload(
      URI uri, byte[] file, String contentType, String filename, String metadata) {
    String boundary = "----storybank" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename
                + "\"\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    if (metadata != null) {
      body.writeBytes(
          ("\r\n--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                  + "Content-Type: application/json\r\n\r\n"
                  + metadata)
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }
}
