package vn.storybank.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.core.testing.Wait.waitUntil;
import static vn.storybank.s3.Replies.json;
import static vn.storybank.s3.Replies.sha256;
import static vn.storybank.s3.Replies.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.media.BlobKeys;
import vn.storybank.core.media.TestMedia;
import vn.storybank.web.Multipart;
import vn.storybank.web.PayaraServer;

/**
 * The WAR on Payara Micro with {@code CMS_BLOB_STORE=s3}, its media in S3Proxy (in this JVM), used
 * over HTTP as an editor and a reader would. What lands in S3 is checked in S3Proxy's own folder.
 */
class S3OnPayaraIT {
  private static final String BUCKET = "storybank-media";
  private static final String MEDIA = "api/admin/v1/lao-cai/media";
  private static final String PUBLIC = "api/v1/lao-cai/media/";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String ADMIN =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  ("admin:" + PayaraServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

  @TempDir static Path s3dir;
  private static S3Server s3;
  private static PayaraServer payara;

  @BeforeAll
  static void start() throws IOException {
    s3 = S3Server.start(s3dir);
    Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "data-s3-");
    payara =
        PayaraServer.start(
            "s3",
            data.toAbsolutePath(),
            Map.of(
                "CMS_BLOB_STORE",
                "s3",
                "CMS_S3_ENDPOINT",
                s3.endpoint(),
                "CMS_S3_BUCKET",
                BUCKET,
                "CMS_S3_ACCESS_KEY",
                S3Server.ACCESS_KEY,
                "CMS_S3_SECRET_KEY",
                S3Server.SECRET_KEY));
  }

  @AfterAll
  static void stop() {
    try {
      if (payara != null) {
        payara.close();
      }
    } finally {
      s3.close();
    }
  }

  @Test
  void aFormUploadAndItsCardRenditionLandInTheBucketAndAreServedWithEtagsAndRanges()
      throws IOException {
    byte[] jpeg = TestMedia.jpeg(1200, 800);
    HttpResponse<byte[]> created = upload(jpeg, "fansipan.jpg");
    assertEquals(201, created.statusCode(), text(created));
    String id = json(created).get("id").asText();
    publish(id);
    String sha = sha256(jpeg);
    assertArrayEquals(jpeg, Files.readAllBytes(object(BlobKeys.original(sha))));
    assertEquals(List.of(), objects(BlobKeys.renditionFolder(sha)), "made on first request");

    HttpResponse<byte[]> card = call("GET", PUBLIC + id + "/renditions/card", null);
    assertEquals(200, card.statusCode(), text(card));
    assertEquals(640, ImageIO.read(new ByteArrayInputStream(card.body())).getWidth());
    String etag = card.headers().firstValue("ETag").orElseThrow();
    assertTrue(etag.startsWith("\""), "a strong ETag: " + etag);
    List<Path> renditions = objects(BlobKeys.renditionFolder(sha));
    assertEquals(1, renditions.size(), renditions.toString());
    assertArrayEquals(card.body(), Files.readAllBytes(renditions.get(0)));

    HttpResponse<byte[]> again = call("GET", PUBLIC + id + "/renditions/card", null);
    assertEquals(200, again.statusCode(), text(again));
    assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
    assertArrayEquals(card.body(), again.body());
    HttpResponse<byte[]> unchanged =
        call("GET", PUBLIC + id + "/renditions/card", null, "If-None-Match", etag);
    assertEquals(304, unchanged.statusCode(), text(unchanged));
    assertEquals(0, unchanged.body().length);

    HttpResponse<byte[]> part = call("GET", PUBLIC + id + "/original", null, "Range", "bytes=100-");
    assertEquals(206, part.statusCode(), text(part));
    assertEquals(
        "bytes 100-" + (jpeg.length - 1) + "/" + jpeg.length,
        part.headers().firstValue("Content-Range").orElseThrow());
    assertArrayEquals(Arrays.copyOfRange(jpeg, 100, jpeg.length), part.body());
  }

  @Test
  void aRawStreamedPutStoresTheFileInTheBucket() throws IOException {
    HttpResponse<byte[]> record =
        call(
            "POST",
            MEDIA,
            HttpRequest.BodyPublishers.ofString(
                "{\"mediaType\":\"photo\",\"translations\":{\"vi\":{\"title\":\"Tả Van\","
                    + "\"caption\":\"Tả Van\"}}}",
                StandardCharsets.UTF_8),
            "Content-Type",
            "application/json");
    assertEquals(201, record.statusCode(), text(record));
    String id = json(record).get("id").asText();

    byte[] jpeg = TestMedia.jpeg(900, 600);
    // From a stream: no Content-Length, so the body arrives chunked, as a large file would.
    HttpResponse<byte[]> stored =
        call(
            "PUT",
            MEDIA + "/" + id + "/original?filename=ta-van.jpg",
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(jpeg)),
            "Content-Type",
            "image/jpeg");
    assertEquals(200, stored.statusCode(), text(stored));
    assertEquals(900, json(stored).at("/file/width").asInt());
    assertArrayEquals(jpeg, Files.readAllBytes(object(BlobKeys.original(sha256(jpeg)))));
    publish(id);
    assertArrayEquals(jpeg, call("GET", PUBLIC + id + "/original", null).body());
  }

  @Test
  void duringAnS3OutageUploadsAnswer503AndLeaveNoRecordAndWorkAgainAfterwards() throws IOException {
    HttpResponse<byte[]> stored = upload(TestMedia.jpeg(1000, 690), "before.jpg");
    assertEquals(201, stored.statusCode(), text(stored));
    String storedId = json(stored).get("id").asText();
    publish(storedId);
    List<String> before = newestIds();
    byte[] jpeg = TestMedia.jpeg(1000, 700);
    String key = BlobKeys.original(sha256(jpeg));
    long logged = Files.size(payara.log());
    s3.close();
    HttpResponse<byte[]> refused;
    HttpResponse<byte[]> unreadable;
    try {
      refused = upload(jpeg, "during.jpg");
      assertEquals(newestIds(), before, "no record for the refused upload");
      unreadable = call("GET", PUBLIC + storedId + "/original", null);
    } finally {
      s3 = s3.restart();
    }
    assertEquals(503, refused.statusCode(), text(refused));
    assertEquals(
        "application/problem+json",
        refused.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
    JsonNode problem = json(refused);
    assertEquals(503, problem.get("status").asInt());
    String detail = problem.get("detail").asText();
    assertTrue(detail.contains("try again"), detail);
    assertFalse(text(refused).contains("\tat "), "no stack trace for the client: " + text(refused));
    assertFalse(
        detail.contains(BUCKET) || detail.contains("http"),
        "nor where the store is, to anonymous readers: " + detail);
    assertFalse(Files.exists(object(key)));
    assertEquals(503, unreadable.statusCode(), "readers too: " + text(unreadable));
    String log = logSince(logged, "could not write " + key);
    assertTrue(log.contains("WARNING"), log);
    assertFalse(log.contains("\tat "), "an expected outage, logged without a stack trace: " + log);

    HttpResponse<byte[]> afterwards = upload(jpeg, "after.jpg");
    assertEquals(201, afterwards.statusCode(), text(afterwards));
    assertTrue(Files.exists(object(key)));
  }

  @Test
  void deletingTheAssetRemovesItsOriginalAndRenditionsFromTheBucket() throws IOException {
    byte[] jpeg = TestMedia.jpeg(1100, 800);
    HttpResponse<byte[]> created = upload(jpeg, "y-ty.jpg");
    assertEquals(201, created.statusCode(), text(created));
    String id = json(created).get("id").asText();
    String sha = sha256(jpeg);
    for (String preset : List.of("thumb", "card")) {
      // The editors' preview: the record is not published.
      HttpResponse<byte[]> rendition =
          call("GET", MEDIA + "/" + id + "/renditions/" + preset, null);
      assertEquals(200, rendition.statusCode(), text(rendition));
    }
    assertEquals(2, objects(BlobKeys.renditionFolder(sha)).size());

    HttpResponse<byte[]> deleted = call("DELETE", MEDIA + "/" + id, null);
    assertEquals(204, deleted.statusCode(), text(deleted));
    assertFalse(Files.exists(object(BlobKeys.original(sha))));
    assertEquals(List.of(), objects(BlobKeys.renditionFolder(sha)));
    assertEquals(404, call("GET", PUBLIC + id + "/original", null).statusCode());
  }

  // ---------------------------------------------------------------- helpers

  /** What the server logged after {@code offset}, once it mentions {@code expected}. */
  private static String logSince(long offset, String expected) throws IOException {
    waitUntil(
        "the log names the outage (" + expected + ")",
        Duration.ofSeconds(10),
        () -> readLogSince(offset).contains(expected));
    return readLogSince(offset);
  }

  private static String readLogSince(long offset) throws IOException {
    byte[] all = Files.readAllBytes(payara.log());
    return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
  }

  private static List<String> newestIds() {
    HttpResponse<byte[]> list = call("GET", MEDIA + "?sort=-createdAt&limit=20", null);
    assertEquals(200, list.statusCode(), text(list));
    List<String> ids = new ArrayList<>();
    json(list).get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private static HttpResponse<byte[]> upload(byte[] jpeg, String filename) {
    return send(
        Multipart.upload(
                payara.base().resolve(MEDIA),
                jpeg,
                "image/jpeg",
                filename,
                "{\"translations\":{\"vi\":{\"title\":\"" + filename + "\"}}}")
            .header("Authorization", ADMIN));
  }

  /** Publishes the record: only a published record's files are public. */
  private static void publish(String id) {
    HttpResponse<byte[]> published =
        call("POST", MEDIA + "/" + id + "/translations/vi/publish", null);
    assertEquals(200, published.statusCode(), text(published));
  }

  /** A request as the admin for admin paths, anonymous for public ones; headers in pairs. */
  private static HttpResponse<byte[]> call(
      String method, String path, HttpRequest.BodyPublisher body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(payara.base().resolve(path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
    if (path.startsWith("api/admin/")) {
      request.header("Authorization", ADMIN);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Where S3Proxy's filesystem backend keeps an object of the bucket. */
  private static Path object(String key) {
    return s3dir.resolve(BUCKET).resolve(key);
  }

  /** The objects under a key prefix ending in "/", as files in S3Proxy's folder. */
  private static List<Path> objects(String prefix) throws IOException {
    return Replies.filesUnder(object(prefix));
  }
}
