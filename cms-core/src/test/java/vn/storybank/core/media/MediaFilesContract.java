package vn.storybank.core.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.Actor;
import vn.storybank.core.changelog.ChangeView;
import vn.storybank.core.changelog.Operation;
import vn.storybank.core.entry.WorkflowAction;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.Json;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;

/** Uploads, renditions, rights and clean-up, on H2 with the blob store a subclass names. */
public abstract class MediaFilesContract {
  protected static final String T = TestContent.TENANT;
  protected static final Actor ACTOR = TestContent.ACTOR;
  @TempDir protected Path dir;
  protected Storybank storybank;
  protected BlobStore store;

  protected abstract BlobStore store(Path dir);

  @BeforeEach
  void start() {
    store = store(dir);
    MediaSettings settings =
        MediaSettings.defaults(store, dir.resolve("tmp"))
            .withLimits(1_000_000, 80L * 1024 * 1024, 40_000_000);
    storybank = Storybank.start(TestDatabases.h2(dir.resolve("db")), Clock.systemUTC(), settings);
    TestContent.laoCai(storybank);
  }

  @AfterEach
  void stop() {
    storybank.close();
  }

  protected MediaView upload(byte[] bytes, String declared, String filename, String json) {
    JsonNode metadata = json == null ? null : json(json);
    return storybank
        .mediaFiles()
        .upload(T, new ByteArrayInputStream(bytes), declared, filename, metadata, ACTOR);
  }

  @Test
  void aPhotoUploadRecordsItsFileAndPrefillsFromItsMetadata() {
    MediaView view = upload(TestMedia.jpegWithExif(1200, 800, 6), "image/jpeg", "sapa.jpg", null);
    MediaFileView file = view.file();
    assertEquals("image/jpeg", file.contentType());
    assertEquals(64, file.sha256().length());
    assertEquals("sapa.jpg", file.filename());
    assertEquals(
        800, file.width(), "orientation 6 displays the image turned: width and height swap");
    assertEquals(1200, file.height());
    assertEquals("Canon EOS R6", file.camera());
    assertEquals("photo", view.mediaType());
    assertEquals("Nguyễn Văn A", view.credit());
    assertEquals("Sở VHTTDL Lào Cai", view.copyrightHolder());
    assertEquals(Instant.parse("2025-09-02T08:30:00Z"), view.capturedAt());
    assertTrue(view.translations().containsKey("vi"), view.translations().toString());
    assertTrue(store.exists(BlobKeys.original(file.sha256())));

    List<ChangeView> changes = storybank.changes().after(T, 0, 1000, ACTOR);
    ChangeView last = changes.get(changes.size() - 1);
    assertEquals(view.header().id(), last.entityId());
    assertEquals(Operation.CREATE, last.operation());
  }

  @Test
  void theEditorsValuesWinOverTheFilesMetadata() {
    MediaView view =
        upload(
            TestMedia.jpegWithExif(400, 300, 1),
            null,
            "x.jpg",
            "{\"mediaType\":\"infographic\",\"credit\":\"Editor credit\",\"focalPoint\":{\"x\":0.2,\"y\":0.3},"
                + "\"translations\":{\"vi\":{\"caption\":\"Ruộng bậc thang\"}}}");
    assertEquals("infographic", view.mediaType());
    assertEquals("Editor credit", view.credit());
    assertEquals("Sở VHTTDL Lào Cai", view.copyrightHolder());
    assertEquals(new FocalPoint(0.2, 0.3), view.focalPoint());
    assertEquals("Ruộng bậc thang", view.translations().get("vi").caption());
  }

  @Test
  void theSameFileUploadedTwiceIsStoredOnce() {
    byte[] bytes = TestMedia.jpeg(300, 200);
    MediaView a = upload(bytes, "image/jpeg", "a.jpg", null);
    MediaView b = upload(bytes, "image/jpeg", "b.jpg", null);
    assertFalse(a.header().id().equals(b.header().id()));
    assertEquals(a.file().sha256(), b.file().sha256());
    assertEquals(1, store.list(BlobKeys.ORIGINALS).size());
  }

  @Test
  void theTypeComesFromTheBytesNotTheNameOrDeclaredType() {
    assertKind(
        ErrorKind.UNSUPPORTED_TYPE, () -> upload(TestMedia.pdf(), "image/jpeg", "a.jpg", null));
    StorybankException svg =
        assertKind(
            ErrorKind.UNSUPPORTED_TYPE, () -> upload(TestMedia.svg(), null, "logo.svg", null));
    assertTrue(svg.getMessage().contains("SVG"), svg.getMessage());
    assertKind(
        ErrorKind.UNSUPPORTED_TYPE,
        () -> upload("hello, not an image".getBytes(), "image/png", "a.png", null));
    MediaView pdf = upload(TestMedia.pdf(), "application/pdf", "guide.jpg", null);
    assertEquals("application/pdf", pdf.file().contentType());
    assertEquals("document", pdf.mediaType());
    assertEquals(1, store.list(BlobKeys.ORIGINALS).size(), "refused files leave nothing stored");
  }

  @Test
  void aDecompressionBombIsRefusedFromItsHeader() {
    StorybankException e =
        assertKind(
            ErrorKind.UNPROCESSABLE,
            () -> upload(TestMedia.pngClaiming(50_000, 50_000), "image/png", "bomb.png", null));
    assertTrue(e.getMessage().contains("50000×50000"), e.getMessage());
    assertTrue(store.list("").isEmpty());
    assertEquals(
        0,
        storybank
            .media()
            .list(T, vn.storybank.core.entry.ListQuery.firstPage(20), Actor.superAdmin())
            .items()
            .size());
  }

  @Test
  void aTruncatedJpegIsRefusedWithAMessage() {
    StorybankException e =
        assertKind(
            ErrorKind.UNPROCESSABLE,
            () -> upload(TestMedia.truncatedJpeg(), "image/jpeg", "cut.jpg", null));
    assertTrue(e.getMessage().contains("JPEG"), e.getMessage());
  }

  @Test
  void aWebpPhotoGetsItsSizeAndJpegRenditions() throws Exception {
    MediaView view = upload(TestMedia.webp(), null, "ruong-bac-thang.webp", null);
    assertEquals("image/webp", view.file().contentType());
    assertEquals(640, view.file().width());
    assertEquals(400, view.file().height());
    MediaDelivery.Delivered thumb =
        storybank.mediaDelivery().previewRendition(T, view.header().id(), "thumb", ACTOR);
    assertEquals("image/jpeg", thumb.contentType());
    BufferedImage image = read(thumb);
    assertEquals(320, image.getWidth());
    assertEquals(200, image.getHeight());
    // The square is (200, 40, 40) before two lossy encodings.
    java.awt.Color corner = new java.awt.Color(image.getRGB(10, 10));
    assertTrue(
        corner.getRed() > 150 && corner.getGreen() < 90 && corner.getBlue() < 90,
        "the red square stays top left: " + corner);
    java.awt.Color middle = new java.awt.Color(image.getRGB(300, 180));
    assertTrue(middle.getGreen() > middle.getRed(), "the gradient is green: " + middle);
  }

  @Test
  void aTruncatedWebpIsRefusedWithAMessage() {
    StorybankException e =
        assertKind(
            ErrorKind.UNPROCESSABLE,
            () -> upload(TestMedia.truncatedWebp(), "image/webp", "cut.webp", null));
    assertTrue(e.getMessage().contains("WEBP"), e.getMessage());
    assertTrue(store.list("").isEmpty(), "nothing of a refused file stays");
  }

  @Test
  void filesOverTheLimitForTheirTypeAreRefused() {
    StorybankException e =
        assertKind(
            ErrorKind.TOO_LARGE,
            () -> upload(TestMedia.noisyJpeg(2000, 1500), "image/jpeg", "big.jpg", null));
    assertTrue(e.getMessage().contains("cms.media.max-image-bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("CMS_MEDIA_MAX_IMAGE_BYTES"), e.getMessage());
  }

  @Test
  void aFilenameCannotEscapeTheStore() throws IOException {
    MediaView view = upload(TestMedia.jpeg(50, 50), null, "../../../../etc/passwd", null);
    assertEquals("passwd", view.file().filename());
    for (BlobStore.Blob blob : store.list("")) {
      assertTrue(blob.key().startsWith("originals/"), blob.key());
      assertFalse(blob.key().contains("passwd"), blob.key());
    }
    try (Stream<Path> files = Files.walk(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().equals("passwd")));
    }
  }

  @Test
  void renditionsHaveThePresetsSizeAndFollowTheFocalPoint() throws Exception {
    MediaView left =
        upload(TestMedia.jpeg(2000, 1000), null, "a.jpg", "{\"focalPoint\":{\"x\":0.1,\"y\":0.5}}");
    MediaDelivery delivery = storybank.mediaDelivery();
    BufferedImage card = read(delivery.previewRendition(T, left.header().id(), "card", ACTOR));
    assertEquals(640, card.getWidth());
    assertEquals(320, card.getHeight());

    BufferedImage square = read(delivery.previewRendition(T, left.header().id(), "square", ACTOR));
    assertEquals(square.getWidth(), square.getHeight());
    assertTrue(isRed(square.getRGB(square.getWidth() / 2, square.getHeight() / 2)));

    storybank
        .media()
        .patch(T, left.header().id(), json("{\"focalPoint\":{\"x\":0.9,\"y\":0.5}}"), null, ACTOR);
    BufferedImage right = read(delivery.previewRendition(T, left.header().id(), "square", ACTOR));
    assertTrue(isBlue(right.getRGB(right.getWidth() / 2, right.getHeight() / 2)));

    BufferedImage turned =
        read(
            delivery.previewRendition(
                T,
                upload(TestMedia.jpegWithExif(1200, 800, 6), null, "t.jpg", null).header().id(),
                "thumb",
                ACTOR));
    assertEquals(320, turned.getHeight(), "EXIF orientation applied: portrait");
    assertTrue(turned.getWidth() < turned.getHeight());

    StorybankException unknown =
        assertKind(
            ErrorKind.NOT_FOUND,
            () -> delivery.previewRendition(T, left.header().id(), "huge", ACTOR));
    assertTrue(unknown.getMessage().contains("card"), unknown.getMessage());
  }

  @Test
  void fineDetailBecomesEvenGreyNotMoire() throws Exception {
    // Reductions of 2× and more; below 2× Thumbnailator's bilinear step still shows some moiré.
    UUID id = upload(TestMedia.stripes(4000, 2000), null, "brocade.png", null).header().id();
    for (String preset : List.of("card", "hero")) {
      BufferedImage image = read(storybank.mediaDelivery().previewRendition(T, id, preset, ACTOR));
      int darkest = 255;
      int lightest = 0;
      for (int y = 2; y < image.getHeight() - 2; y += 7) {
        for (int x = 2; x < image.getWidth() - 2; x++) {
          int green = (image.getRGB(x, y) >> 8) & 0xff;
          darkest = Math.min(darkest, green);
          lightest = Math.max(lightest, green);
        }
      }
      assertTrue(
          darkest >= 112 && lightest <= 144,
          preset + ": one-pixel stripes must average to grey, found " + darkest + ".." + lightest);
    }
  }

  @Test
  void concurrentRequestsForOneRenditionComputeItOnce() throws Exception {
    UUID id = upload(TestMedia.jpeg(1800, 1200), null, "c.jpg", null).header().id();
    MediaDelivery delivery = storybank.mediaDelivery();
    int before = delivery.generated();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<MediaDelivery.Delivered>> results = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      results.add(
          pool.submit(
              () -> {
                go.await();
                return delivery.previewRendition(T, id, "hero", ACTOR);
              }));
    }
    go.countDown();
    String etag = null;
    for (Future<MediaDelivery.Delivered> result : results) {
      MediaDelivery.Delivered d = result.get();
      etag = etag == null ? d.etag() : etag;
      assertEquals(etag, d.etag());
    }
    pool.shutdown();
    assertEquals(before + 1, delivery.generated());
    delivery.previewRendition(T, id, "hero", ACTOR);
    assertEquals(before + 1, delivery.generated(), "the second request is served from the store");
  }

  @Test
  void originalsAreReadWholeOrByRange() throws IOException {
    byte[] bytes = TestMedia.jpeg(300, 300);
    UUID id = upload(bytes, null, "r.jpg", null).header().id();
    MediaDelivery.Delivered original = storybank.mediaDelivery().preview(T, id, ACTOR);
    assertEquals(bytes.length, original.size());
    assertEquals("image/jpeg", original.contentType());
    try (InputStream in = original.open(100, 50)) {
      byte[] expected = new byte[50];
      System.arraycopy(bytes, 100, expected, 0, 50);
      assertArrayEquals(expected, in.readAllBytes());
    }
  }

  @Test
  void rightsAndThePublishedStateAreEnforcedOnDelivery() {
    MediaDelivery delivery = storybank.mediaDelivery();
    UUID draft = upload(TestMedia.jpeg(99, 100), null, "d.jpg", TITLED).header().id();
    StorybankException unpublished =
        assertKind(ErrorKind.NOT_FOUND, () -> delivery.original(T, draft, null));
    assertTrue(unpublished.getMessage().contains("admin API"), unpublished.getMessage());
    assertKind(ErrorKind.NOT_FOUND, () -> delivery.rendition(T, draft, "thumb", null));
    assertNotNull(delivery.previewRendition(T, draft, "thumb", ACTOR), "editors still see it");
    publish(draft);
    assertNotNull(delivery.rendition(T, draft, "thumb", null));
    storybank.media().review().act(T, draft, "vi", WorkflowAction.UNPUBLISH, null, ACTOR);
    assertKind(ErrorKind.NOT_FOUND, () -> delivery.rendition(T, draft, "thumb", null));

    Instant past = Instant.now().minus(Duration.ofDays(1));
    UUID expired =
        publish(
            upload(
                TestMedia.jpeg(100, 100),
                null,
                "e.jpg",
                "{\"rightsExpireAt\":\"" + past + "\"," + TITLED.substring(1)));
    assertKind(ErrorKind.GONE, () -> delivery.original(T, expired, null));
    assertKind(ErrorKind.GONE, () -> delivery.rendition(T, expired, "thumb", null));
    UUID noConsent =
        publish(
            upload(
                TestMedia.jpeg(101, 100),
                null,
                "p.jpg",
                "{\"peopleIdentifiable\":true," + TITLED.substring(1)));
    assertKind(ErrorKind.NOT_FOUND, () -> delivery.rendition(T, noConsent, "thumb", null));
    UUID consent =
        publish(
            upload(
                TestMedia.jpeg(102, 100),
                null,
                "c.jpg",
                "{\"peopleIdentifiable\":true,\"consentObtained\":true," + TITLED.substring(1)));
    assertNotNull(delivery.rendition(T, consent, "thumb", null));
  }

  /** Record JSON with a source-locale translation, so that the record can be published. */
  private static final String TITLED = "{\"translations\":{\"vi\":{\"title\":\"Ảnh\"}}}";

  private UUID publish(MediaView view) {
    return publish(view.header().id());
  }

  private UUID publish(UUID id) {
    storybank.media().review().act(T, id, "vi", WorkflowAction.PUBLISH, null, ACTOR);
    return id;
  }

  @Test
  void theRightsReportListsWhatExpiresSoon() {
    Instant now = Instant.now();
    UUID soon =
        upload(
                TestMedia.jpeg(100, 100),
                null,
                "s.jpg",
                "{\"rightsExpireAt\":\"" + now.plus(Duration.ofDays(10)) + "\"}")
            .header()
            .id();
    upload(
        TestMedia.jpeg(103, 100),
        null,
        "l.jpg",
        "{\"rightsExpireAt\":\"" + now.plus(Duration.ofDays(60)) + "\"}");
    List<MediaView> report =
        storybank.media().rightsExpiring(T, now, now.plus(Duration.ofDays(30)), ACTOR);
    assertEquals(List.of(soon), report.stream().map(v -> v.header().id()).toList());
  }

  @Test
  void deletingAnAssetRemovesItsRenditionsAndItsBlobWhenUnshared() {
    byte[] bytes = TestMedia.jpeg(600, 400);
    UUID a = upload(bytes, null, "a.jpg", null).header().id();
    UUID b = upload(bytes, null, "b.jpg", null).header().id();
    String sha = storybank.media().get(T, a, Actor.superAdmin()).file().sha256();
    storybank.mediaDelivery().previewRendition(T, a, "thumb", ACTOR);
    assertEquals(1, store.list(BlobKeys.renditionFolder(sha)).size());

    storybank.media().delete(T, a, null, ACTOR);
    assertTrue(store.list(BlobKeys.renditionFolder(sha)).isEmpty());
    assertTrue(store.exists(BlobKeys.original(sha)), "b still uses the bytes");
    storybank.media().delete(T, b, null, ACTOR);
    assertFalse(store.exists(BlobKeys.original(sha)));
  }

  @Test
  void theSweepDeletesBlobsNoRecordReferences() throws IOException {
    String kept = upload(TestMedia.jpeg(100, 100), null, "k.jpg", null).file().sha256();
    String orphan = "ab".repeat(32);
    store.put(BlobKeys.original(orphan), Files.write(dir.resolve("orphan"), new byte[] {1, 2}));
    store.put(BlobKeys.renditionFolder(orphan) + "card.jpg", dir.resolve("orphan"));
    assertEquals(0, storybank.mediaFiles().sweep(Duration.ofHours(1)), "young blobs are kept");
    assertEquals(2, storybank.mediaFiles().sweep(Duration.ZERO));
    assertFalse(store.exists(BlobKeys.original(orphan)));
    assertTrue(store.exists(BlobKeys.original(kept)));
  }

  @Test
  void replacingTheOriginalKeepsTheRecordAndLogsAnUpdate() {
    MediaView first = upload(TestMedia.jpeg(200, 100), null, "1.jpg", "{\"credit\":\"Keep me\"}");
    MediaView second =
        storybank
            .mediaFiles()
            .replaceOriginal(
                T,
                first.header().id(),
                new ByteArrayInputStream(TestMedia.jpeg(300, 100)),
                "image/jpeg",
                "2.jpg",
                first.header().version(),
                ACTOR);
    assertEquals(300, second.file().width());
    assertEquals("Keep me", second.credit());
    assertFalse(
        store.exists(BlobKeys.original(first.file().sha256())), "the old bytes are released");
    List<ChangeView> changes = storybank.changes().after(T, 0, 1000, ACTOR);
    assertEquals(Operation.UPDATE, changes.get(changes.size() - 1).operation());
    assertKind(
        ErrorKind.UNSUPPORTED_TYPE,
        () ->
            storybank
                .mediaFiles()
                .replaceOriginal(
                    T,
                    first.header().id(),
                    new ByteArrayInputStream(TestMedia.pdf()),
                    null,
                    null,
                    null,
                    ACTOR));
    assertEquals(1, store.list(BlobKeys.ORIGINALS).size(), "a refused file is not stored");
  }

  protected static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  protected static StorybankException assertKind(ErrorKind kind, Runnable work) {
    StorybankException e = assertThrows(StorybankException.class, work::run);
    assertEquals(kind, e.kind(), e.getMessage());
    return e;
  }

  private static BufferedImage read(MediaDelivery.Delivered delivered) throws IOException {
    try (InputStream in = delivered.open()) {
      return ImageIO.read(in);
    }
  }

  private static boolean isRed(int rgb) {
    return ((rgb >> 16) & 0xFF) > 200 && (rgb & 0xFF) < 60;
  }

  private static boolean isBlue(int rgb) {
    return (rgb & 0xFF) > 200 && ((rgb >> 16) & 0xFF) < 60;
  }
}
