package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.storybank.core.json.Json;
import vn.storybank.core.media.TestMedia;

/** Media upload and delivery over real HTTP against the WAR on Payara Micro (filesystem store). */
@ExtendWith(EmbeddedServer.class)
class MediaApiIT {
  static final String MEDIA = "api/admin/v1/lao-cai/media";
  static final String PUBLIC = "api/v1/lao-cai/media/";
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
  void aMultipartUploadCreatesTheRecordAndItsRenditionsAreCachedForever() throws Exception {
    HttpResponse<byte[]> created =
        multipart(
            TestMedia.jpegWithExif(2400, 1600, 1),
            "image/jpeg",
            "fansipan.jpg",
            "{\"licence\":\"CC BY 4.0\",\"focalPoint\":{\"x\":0.25,\"y\":0.5}}");
    assertEquals(201, created.statusCode(), text(created));
    JsonNode record = json(created);
    assertNotNull(created.headers().firstValue("Location").orElse(null));
    assertEquals("image/jpeg", record.at("/file/contentType").asText());
    assertEquals(2400, record.at("/file/width").asInt());
    assertEquals("Canon EOS R6", record.at("/file/camera").asText());
    assertEquals("CC BY 4.0", record.get("licence").asText());
    assertEquals(0, record.get("version").asInt(), "a new record starts at version 0");
    assertEquals("\"0\"", created.headers().firstValue("ETag").orElseThrow());
    String id = publish(record.get("id").asText());

    HttpResponse<byte[]> card = get(PUBLIC + id + "/renditions/card", null, null, false);
    assertEquals(200, card.statusCode(), text(card));
    assertEquals("image/jpeg", card.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "public, max-age=31536000, immutable",
        card.headers().firstValue("Cache-Control").orElseThrow());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(card.body()));
    assertEquals(640, image.getWidth());
    String etag = card.headers().firstValue("ETag").orElseThrow();
    assertTrue(etag.startsWith("\""), etag);

    HttpResponse<byte[]> again = get(PUBLIC + id + "/renditions/card", null, etag, false);
    assertEquals(304, again.statusCode());

    HttpResponse<byte[]> unknown = get(PUBLIC + id + "/renditions/poster", null, null, false);
    assertProblem(unknown, 404);
  }

  @Test
  void aWebpUploadGetsJpegRenditionsFromTheDeployedApplication() throws Exception {
    HttpResponse<byte[]> created = multipart(TestMedia.webp(), "image/webp", "sa-pa.webp", null);
    assertEquals(201, created.statusCode(), text(created));
    JsonNode record = json(created);
    assertEquals("image/webp", record.at("/file/contentType").asText());
    assertEquals(400, record.at("/file/height").asInt());

    HttpResponse<byte[]> thumb =
        get(PUBLIC + publish(record.get("id").asText()) + "/renditions/thumb", null, null, false);
    assertEquals(200, thumb.statusCode(), text(thumb));
    assertEquals("image/jpeg", thumb.headers().firstValue("Content-Type").orElseThrow());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumb.body()));
    assertEquals(320, image.getWidth());
    assertEquals(200, image.getHeight());
  }

  @Test
  void uploadsAreNotBoundByTheJsonBodyLimit() throws Exception {
    byte[] big = TestMedia.noisyJpeg(2600, 1800);
    assertTrue(big.length > 2 * 1024 * 1024, "bigger than the 2 MiB JSON limit: " + big.length);
    HttpResponse<byte[]> created = multipart(big, "image/jpeg", "noise.jpg", null);
    assertEquals(201, created.statusCode(), text(created));
  }

  /** No Content-Type on the part is fine (API.md): the type is read from the bytes. */
  @Test
  void aPartWithoutContentTypeIsTypedFromItsBytes() throws Exception {
    for (Object[] file :
        List.of(
            new Object[] {TestMedia.jpeg(320, 240), "image/jpeg", "photo"},
            new Object[] {TestMedia.png(64, 64), "image/png", "logo.png"},
            new Object[] {mp4(4096), "video/mp4", "clip"},
            new Object[] {TestMedia.pdf(), "application/pdf", "report.pdf"})) {
      HttpResponse<byte[]> created = multipart((byte[]) file[0], null, (String) file[2], null);
      assertEquals(201, created.statusCode(), file[1] + ": " + text(created));
      assertEquals(file[1], json(created).at("/file/contentType").asText());
    }
    assertProblem(multipart(TestMedia.svg(), null, "drawing.svg", null), 415);
  }

  @Test
  void wrongOrRefusedTypesAre415AndHostileFiles422() throws Exception {
    assertProblem(multipart(TestMedia.pdf(), "image/jpeg", "a.jpg", null), 415);
    assertProblem(multipart(TestMedia.svg(), "image/svg+xml", "a.svg", null), 415);
    HttpResponse<byte[]> bomb =
        multipart(TestMedia.pngClaiming(50_000, 50_000), "image/png", "bomb.png", null);
    assertProblem(bomb, 422);
    assertTrue(text(bomb).contains("50000×50000"), text(bomb));
    HttpResponse<byte[]> cut = multipart(TestMedia.truncatedJpeg(), "image/jpeg", "cut.jpg", null);
    assertProblem(cut, 422);
    assertProblem(multipart(TestMedia.jpeg(10, 10), "image/jpeg", "x.jpg", "[1,2]"), 400);
  }

  @Test
  void originalsAreServedWithRangesAndTheRawPutReplacesThem() throws Exception {
    byte[] first = TestMedia.jpeg(640, 480);
    String id = publish(json(multipart(first, "image/jpeg", "one.jpg", null)).get("id").asText());
    HttpResponse<byte[]> whole = get(PUBLIC + id + "/original", null, null, false);
    assertEquals(200, whole.statusCode());
    assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElseThrow());
    assertTrue(Arrays.equals(first, whole.body()));

    HttpResponse<byte[]> part = get(PUBLIC + id + "/original", "bytes=10-19", null, false);
    assertEquals(206, part.statusCode());
    assertEquals(
        "bytes 10-19/" + first.length, part.headers().firstValue("Content-Range").orElseThrow());
    assertTrue(Arrays.equals(Arrays.copyOfRange(first, 10, 20), part.body()));
    assertProblem(get(PUBLIC + id + "/original", "bytes=999999999-", null, false), 416);

    byte[] second = TestMedia.jpeg(800, 600);
    HttpResponse<byte[]> replaced =
        send(
            HttpRequest.newBuilder(base.resolve(MEDIA + "/" + id + "/original?filename=two.jpg"))
                .header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(second)));
    assertEquals(200, replaced.statusCode(), text(replaced));
    assertEquals(800, json(replaced).at("/file/width").asInt());
    assertEquals("two.jpg", json(replaced).at("/file/filename").asText());
    assertTrue(Arrays.equals(second, get(PUBLIC + id + "/original", null, null, false).body()));
  }

  @Test
  void rightsDecideWhatThePublicSees() throws Exception {
    String expired =
        json(multipart(
                TestMedia.jpeg(300, 200),
                "image/jpeg",
                "old.jpg",
                "{\"rightsExpireAt\":\"" + Instant.now().minus(Duration.ofDays(2)) + "\"}"))
            .get("id")
            .asText();
    publish(expired);
    assertProblem(get(PUBLIC + expired + "/renditions/thumb", null, null, false), 410);
    assertProblem(get(PUBLIC + expired + "/original", null, null, false), 410);
    String people =
        json(multipart(
                TestMedia.jpeg(301, 200),
                "image/jpeg",
                "people.jpg",
                "{\"peopleIdentifiable\":true}"))
            .get("id")
            .asText();
    publish(people);
    assertProblem(get(PUBLIC + people + "/renditions/thumb", null, null, false), 404);
    String soon =
        json(multipart(
                TestMedia.jpeg(302, 200),
                "image/jpeg",
                "soon.jpg",
                "{\"rightsExpireAt\":\"" + Instant.now().plus(Duration.ofDays(5)) + "\"}"))
            .get("id")
            .asText();
    HttpResponse<byte[]> report = get(MEDIA + "/rights-expiring", null, null, true);
    assertEquals(200, report.statusCode(), text(report));
    List<String> ids = new ArrayList<>();
    json(report).get("items").forEach(i -> ids.add(i.get("id").asText()));
    assertTrue(ids.contains(soon), ids.toString());
    assertTrue(!ids.contains(expired), ids.toString());
    assertEquals(401, get(MEDIA + "/rights-expiring", null, null, false).statusCode());
  }

  @Test
  void whereUsedListsTheEntriesLinkingTheRecordWithTheirRoles(PayaraServer server) {
    Api admin = Api.admin(server);
    String photo =
        json(multipart(TestMedia.jpeg(303, 200), "image/jpeg", "used.jpg", null))
            .get("id")
            .asText();
    String story =
        created(
            admin.post(
                "api/admin/v1/lao-cai/stories",
                "{\"kind\":\"festival-event\",\"heroMedia\":\""
                    + photo
                    + "\",\"translations\":{\"vi\":{\"title\":\"Chợ phiên Bắc Hà\"},"
                    + "\"en\":{\"title\":\"Bac Ha market\"}}}"));
    String collection =
        created(
            admin.post(
                "api/admin/v1/lao-cai/collections",
                "{\"purpose\":\"press-kit\",\"items\":[\""
                    + story
                    + "\",\""
                    + photo
                    + "\"],\"translations\":{\"vi\":{\"title\":\"Bộ ảnh báo chí\"}}}"));

    Api.Reply usages = admin.get(MEDIA + "/" + photo + "/usages");
    assertEquals(200, usages.status(), usages::toString);
    List<String> seen = new ArrayList<>();
    usages
        .json()
        .get("items")
        .forEach(
            u ->
                seen.add(
                    u.get("type").asText()
                        + " "
                        + u.get("id").asText()
                        + " "
                        + u.get("role").asText()
                        + " "
                        + u.get("titles")));
    assertEquals(
        List.of(
                "story "
                    + story
                    + " heroMedia {\"en\":\"Bac Ha market\",\"vi\":\"Chợ phiên Bắc Hà\"}",
                "collection " + collection + " items {\"vi\":\"Bộ ảnh báo chí\"}")
            .stream()
            .sorted()
            .toList(),
        seen.stream().sorted().toList());

    // An asset nothing links: an empty list; an unknown one: 404.
    String alone =
        json(multipart(TestMedia.jpeg(304, 200), "image/jpeg", "alone.jpg", null))
            .get("id")
            .asText();
    assertEquals(0, admin.get(MEDIA + "/" + alone + "/usages").json().get("items").size());
    assertEquals(404, admin.get(MEDIA + "/" + java.util.UUID.randomUUID() + "/usages").status());
  }

  private static String created(Api.Reply reply) {
    assertEquals(201, reply.status(), reply::toString);
    return reply.json().get("id").asText();
  }

  /**
   * Four 200 MB videos at once through a server with a 768 MB heap: they only fit if they are
   * streamed, never held in memory.
   */
  @Test
  void fourLargeUploadsAtOnceStreamWithinTheHeap() throws Exception {
    long size = 200L * 1024 * 1024;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      HttpResponse<byte[]> created = multipart(mp4(1024 + i), "video/mp4", "clip.mp4", null);
      assertEquals(201, created.statusCode(), text(created));
      ids.add(json(created).get("id").asText());
    }
    List<CompletableFuture<HttpResponse<byte[]>>> uploads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      long n = size + i;
      uploads.add(
          CLIENT.sendAsync(
              HttpRequest.newBuilder(base.resolve(MEDIA + "/" + ids.get(i) + "/original"))
                  .timeout(Duration.ofMinutes(5))
                  .header("Authorization", auth)
                  .header("Content-Type", "video/mp4")
                  .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new Mp4Stream(n)))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray()));
    }
    for (int i = 0; i < 4; i++) {
      HttpResponse<byte[]> done = uploads.get(i).get();
      assertEquals(200, done.statusCode(), text(done));
      assertEquals(size + i, json(done).at("/file/size").asLong());
    }
    HttpResponse<byte[]> tail =
        get(PUBLIC + publish(ids.get(0)) + "/original", "bytes=-16", null, false);
    assertEquals(206, tail.statusCode());
    assertEquals(16, tail.body().length);
  }

  // ---------------------------------------------------------------- helpers

  /** A small MP4: an ftyp box and an mdat box of zeros. */
  static byte[] mp4(int payload) {
    try {
      return new Mp4Stream(payload + 32).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An MP4 of the given total size generated on the fly: ftyp, then one mdat box. */
  static final class Mp4Stream extends InputStream {
    private final byte[] header;
    private final long size;
    private long position;

    Mp4Stream(long size) {
      this.size = size;
      long mdat = size - 24;
      ByteArrayOutputStream h = new ByteArrayOutputStream();
      h.writeBytes(new byte[] {0, 0, 0, 16, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0});
      h.writeBytes(
          new byte[] {
            (byte) (mdat >>> 24),
            (byte) (mdat >>> 16),
            (byte) (mdat >>> 8),
            (byte) mdat,
            'm',
            'd',
            'a',
            't'
          });
      this.header = h.toByteArray();
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      for (int i = 0; i < n; i++) {
        long p = position + i;
        b[off + i] = p < header.length ? header[(int) p] : (byte) (p * 31);
      }
      position += n;
      return n;
    }
  }

  /** Gives the record a title and publishes it: only a published record's files are public. */
  static String publish(String id) {
    HttpResponse<byte[]> titled =
        send(
            HttpRequest.newBuilder(base.resolve(MEDIA + "/" + id + "/translations/vi"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Ảnh\"}")));
    assertTrue(titled.statusCode() == 200 || titled.statusCode() == 201, text(titled));
    HttpResponse<byte[]> published =
        send(
            HttpRequest.newBuilder(base.resolve(MEDIA + "/" + id + "/translations/vi/publish"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, published.statusCode(), text(published));
    return id;
  }

  static HttpResponse<byte[]> multipart(
      byte[] file, String contentType, String filename, String metadata) {
    return send(Multipart.upload(base.resolve(MEDIA), file, contentType, filename, metadata));
  }

  static HttpResponse<byte[]> get(String path, String range, String ifNoneMatch, boolean admin) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (range != null) {
      request.header("Range", range);
    }
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return admin ? send(request) : sendAnonymous(request);
  }

  static HttpResponse<byte[]> send(HttpRequest.Builder request) {
    return sendAnonymous(request.header("Authorization", auth));
  }

  static HttpResponse<byte[]> sendAnonymous(HttpRequest.Builder request) {
    try {
      return CLIENT.send(
          request.timeout(Duration.ofSeconds(120)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String text(HttpResponse<byte[]> response) {
    return response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8);
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(text(response), e);
    }
  }

  static void assertProblem(HttpResponse<byte[]> response, int status) {
    assertEquals(status, response.statusCode(), text(response));
    assertEquals(
        "application/problem+json",
        response.headers().firstValue("Content-Type").orElse("").split(";")[0],
        text(response));
    JsonNode problem = json(response);
    assertEquals(status, problem.get("status").asInt());
    assertNotEquals("", problem.path("detail").asText(), text(response));
  }
}
