package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.storybank.core.json.Json;
import vn.storybank.core.media.TestMedia;

/**
 * Every endpoint that answers a file, read as a browser reads it: with {@code Accept-Encoding}
 * offering compression. The bytes received, decompressed only when {@code Content-Encoding} says
 * so, must be the bytes uploaded; a {@code Content-Length} must count the bytes on the wire; a
 * partial answer (206) is never compressed. Text answers (JSON, NDJSON, CSV) stay compressed.
 */
@ExtendWith(EmbeddedServer.class)
class CompressionApiIT {
  static final String MEDIA = "api/admin/v1/lao-cai/media";
  static final String PUBLIC = "api/v1/lao-cai/media/";
  static final List<String> ACCEPTED = List.of("gzip", "deflate", "gzip, deflate, br", "*");
  // No automatic decompression in java.net.http: what arrives is what was sent.
  static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static URI base;
  static String auth;

  @BeforeAll
  static void connect(PayaraServer server) {
    base = server.base();
    auth = Api.basic("admin", PayaraServer.ADMIN_PASSWORD);
  }

  @Test
  void originalsOfEveryKindArriveWholeWhenCompressionIsOffered() {
    // A video and a PDF compress well: a gzipped answer would be much shorter than the file.
    byte[] video = MediaApiIT.mp4(300_000);
    byte[] pdf = TestMedia.pdf();
    byte[] jpeg = TestMedia.jpeg(640, 480);
    List<Uploaded> files =
        List.of(
            new Uploaded(upload(video, "video/mp4", "clip.mp4"), video, "video/mp4"),
            new Uploaded(upload(pdf, "application/pdf", "doc.pdf"), pdf, "application/pdf"),
            new Uploaded(upload(jpeg, "image/jpeg", "photo.jpg"), jpeg, "image/jpeg"));
    for (Uploaded uploaded : files) {
      for (String accepted : ACCEPTED) {
        HttpResponse<byte[]> whole = get(PUBLIC + uploaded.id + "/original", accepted, null);
        assertEquals(200, whole.statusCode(), uploaded.type + " " + accepted);
        assertArrayEquals(
            uploaded.bytes, received(whole), uploaded.type + " with Accept-Encoding " + accepted);
        assertFalse(
            whole.headers().firstValue("Content-Encoding").isPresent(),
            uploaded.type + " is already compressed or binary: sent as it is");
      }
    }
  }

  @Test
  void rangesAreNeverCompressed() {
    byte[] video = MediaApiIT.mp4(200_000);
    String id = upload(video, "video/mp4", "range.mp4");
    for (String range : List.of("bytes=0-99", "bytes=1000-", "bytes=-4096")) {
      for (String accepted : ACCEPTED) {
        HttpResponse<byte[]> part = get(PUBLIC + id + "/original", accepted, range);
        assertEquals(206, part.statusCode(), range);
        assertFalse(
            part.headers().firstValue("Content-Encoding").isPresent(),
            "a 206 is never compressed (" + range + ", " + accepted + ")");
        String[] span =
            part.headers()
                .firstValue("Content-Range")
                .orElseThrow()
                .replace("bytes ", "")
                .split("[-/]");
        int first = Integer.parseInt(span[0]);
        int last = Integer.parseInt(span[1]);
        assertArrayEquals(Arrays.copyOfRange(video, first, last + 1), received(part), range);
      }
    }
  }

  @Test
  void renditionsArriveWholeWhenCompressionIsOffered() throws IOException {
    String id = upload(TestMedia.jpeg(1200, 800), "image/jpeg", "rendition.jpg");
    for (String preset : List.of("thumb", "card", "social")) {
      byte[] plain = received(get(PUBLIC + id + "/renditions/" + preset, null, null));
      assertTrue(plain.length > 0);
      for (String accepted : ACCEPTED) {
        HttpResponse<byte[]> rendition = get(PUBLIC + id + "/renditions/" + preset, accepted, null);
        assertEquals(200, rendition.statusCode(), preset);
        assertFalse(rendition.headers().firstValue("Content-Encoding").isPresent(), preset);
        assertArrayEquals(plain, received(rendition), preset + " " + accepted);
      }
    }
  }

  @Test
  void editorPreviewsArriveWholeWhenCompressionIsOffered() {
    byte[] pdf = TestMedia.pdf();
    String document = upload(pdf, "application/pdf", "preview.pdf");
    String photo = upload(TestMedia.jpeg(1200, 800), "image/jpeg", "preview.jpg");
    byte[] card =
        received(
            send(
                request(MEDIA + "/" + photo + "/renditions/card", null, null)
                    .header("Authorization", auth)));
    assertTrue(card.length > 0);
    for (String accepted : ACCEPTED) {
      HttpResponse<byte[]> original =
          send(
              request(MEDIA + "/" + document + "/original", accepted, null)
                  .header("Authorization", auth));
      assertEquals(200, original.statusCode(), "preview of the original, " + accepted);
      assertFalse(original.headers().firstValue("Content-Encoding").isPresent(), accepted);
      assertArrayEquals(pdf, received(original), "preview of the original, " + accepted);
      HttpResponse<byte[]> rendition =
          send(
              request(MEDIA + "/" + photo + "/renditions/card", accepted, null)
                  .header("Authorization", auth));
      assertEquals(200, rendition.statusCode(), "preview of a rendition, " + accepted);
      assertFalse(rendition.headers().firstValue("Content-Encoding").isPresent(), accepted);
      assertArrayEquals(card, received(rendition), "preview of a rendition, " + accepted);
    }
  }

  @Test
  void textDownloadsStayCompressedAndWhole() throws IOException {
    for (String path :
        List.of(
            "api/admin/v1/lao-cai/export",
            "api/admin/v1/audit.csv",
            MEDIA + "/rights-expiring",
            "api/v1/lao-cai/sitemap.xml")) {
      HttpResponse<byte[]> gzipped =
          send(request(path, "gzip", null).header("Authorization", auth));
      assertEquals(200, gzipped.statusCode(), path);
      assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null), path);
      assertTrue(
          gzipped.headers().allValues("Vary").toString().contains("Accept-Encoding"),
          path + " " + gzipped.headers().allValues("Vary"));
      byte[] text = received(gzipped);
      assertNotEquals(0, text.length, path);
    }
  }

  // ---------------------------------------------------------------- helpers

  record Uploaded(String id, byte[] bytes, String type) {}

  /**
   * Uploads the file as a new media record and publishes it, since only published media have public
   * files; answers its id.
   */
  static String upload(byte[] file, String type, String name) {
    HttpResponse<byte[]> created =
        send(
            Multipart.upload(base.resolve(MEDIA), file, type, name, null)
                .header("Authorization", auth));
    assertEquals(201, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
    String id;
    try {
      id = Json.mapper().readTree(created.body()).get("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String translation = MEDIA + "/" + id + "/translations/vi";
    for (HttpRequest.Builder step :
        List.of(
            HttpRequest.newBuilder(base.resolve(translation))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Ảnh\"}")),
            HttpRequest.newBuilder(base.resolve(translation + "/publish"))
                .POST(HttpRequest.BodyPublishers.noBody()))) {
      HttpResponse<byte[]> done = send(step.header("Authorization", auth));
      assertEquals(2, done.statusCode() / 100, new String(done.body(), StandardCharsets.UTF_8));
    }
    return id;
  }

  static HttpRequest.Builder request(String path, String acceptEncoding, String range) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    if (range != null) {
      request.header("Range", range);
    }
    return request;
  }

  static HttpResponse<byte[]> get(String path, String acceptEncoding, String range) {
    return send(request(path, acceptEncoding, range));
  }

  /**
   * A short timeout: a Content-Length larger than what is sent would otherwise leave the client
   * waiting for bytes that never come.
   */
  static HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(
          request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The body as the client reads it: checked against Content-Length, then decompressed only when
   * Content-Encoding says so.
   */
  static byte[] received(HttpResponse<byte[]> response) {
    byte[] wire = response.body();
    response
        .headers()
        .firstValueAsLong("Content-Length")
        .ifPresent(
            length ->
                assertEquals(length, wire.length, "Content-Length counts the bytes on the wire"));
    String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
    try (InputStream in =
        switch (encoding) {
          case "gzip" -> new GZIPInputStream(new ByteArrayInputStream(wire));
          case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(wire));
          case "identity" -> new ByteArrayInputStream(wire);
          default -> throw new AssertionError("Unexpected Content-Encoding " + encoding);
        }) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(
          "The " + encoding + " body of " + wire.length + " bytes does not decode", e);
    }
  }
}
