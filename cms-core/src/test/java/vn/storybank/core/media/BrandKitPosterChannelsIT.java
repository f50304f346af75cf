package vn.storybank.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.Actor;
import vn.storybank.core.channel.ChannelInput;
import vn.storybank.core.entry.WorkflowAction;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.Json;
import vn.storybank.core.testing.Failures;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;

/** The brand-kit watermark, poster images and allowed channels on public media URLs (H2). */
class BrandKitPosterChannelsIT {
  private static final String T = TestContent.TENANT;
  private static final Actor ACTOR = TestContent.ACTOR;
  @TempDir Path dir;
  private Storybank storybank;

  @BeforeEach
  void start() {
    MediaSettings settings =
        MediaSettings.defaults(new FileSystemBlobStore(dir.resolve("blobs")), dir.resolve("tmp"));
    storybank = Storybank.start(TestDatabases.h2(dir.resolve("db")), Clock.systemUTC(), settings);
    TestContent.laoCai(storybank);
  }

  @AfterEach
  void stop() {
    storybank.close();
  }

  @Test
  void aWatermarkedPresetCarriesTheLogoInItsCornerAndNowhereElse() throws IOException {
    UUID photo = upload(grey(1600, 1000), "photo.png", null);
    UUID logo = upload(solid(400, 200, Color.RED), "logo.png", null);
    String plainEtag = storybank.mediaDelivery().rendition(T, photo, "card").etag();

    BrandKitView kit = putWatermark(logo, "bottom-right", 1.0, 0.25, List.of("card"));
    assertEquals("bottom-right", kit.watermark().position());

    MediaDelivery.Delivered card = storybank.mediaDelivery().rendition(T, photo, "card");
    assertNotEquals(plainEtag, card.etag(), "the watermark is part of the rendition's identity");
    BufferedImage image = read(card);
    assertEquals(640, image.getWidth());
    int w = image.getWidth();
    int h = image.getHeight();
    assertTrue(isRed(image.getRGB(w - 5, h - 5)), hex(image.getRGB(w - 5, h - 5)));
    assertTrue(isGrey(image.getRGB(5, 5)), "the opposite corner is untouched");
    assertTrue(isGrey(image.getRGB(w - 5, 5)), "so is the top-right corner");
    assertTrue(isGrey(image.getRGB(w - (int) (w * 0.25) - 10, h - 5)), "the logo is 1/4 wide");

    BufferedImage thumb = read(storybank.mediaDelivery().rendition(T, photo, "thumb"));
    assertTrue(
        isGrey(thumb.getRGB(thumb.getWidth() - 3, thumb.getHeight() - 3)),
        "presets the brand kit does not name stay plain");

    putWatermark(logo, "top-left", 0.5, 0.25, List.of("card"));
    MediaDelivery.Delivered half = storybank.mediaDelivery().rendition(T, photo, "card");
    assertNotEquals(card.etag(), half.etag(), "new settings, new rendition and ETag");
    BufferedImage faint = read(half);
    int topLeft = faint.getRGB(5, 5);
    assertTrue(
        red(topLeft) > 170 && green(topLeft) < 100 && green(topLeft) > 30,
        "half-opaque red over grey: " + hex(topLeft));
    assertTrue(isGrey(faint.getRGB(w - 5, h - 5)));

    putWatermark(logo, "top-left", 0.4, 0.25, List.of("card"));
    assertNotEquals(
        half.etag(), storybank.mediaDelivery().rendition(T, photo, "card").etag(), "opacity");

    storybank.brandKit().put(T, new BrandKitView(null), ACTOR);
    assertEquals(plainEtag, storybank.mediaDelivery().rendition(T, photo, "card").etag());
  }

  @Test
  void theBrandKitIsValidatedAndItsLogoCannotBeDeleted() {
    UUID logo = upload(solid(100, 50, Color.RED), "logo.png", null);
    UUID pdf =
        storybank
            .mediaFiles()
            .upload(T, new ByteArrayInputStream(TestMedia.pdf()), null, "a.pdf", null, ACTOR)
            .header()
            .id();
    StorybankException bad =
        assertKind(
            ErrorKind.INVALID,
            () ->
                storybank
                    .brandKit()
                    .put(
                        T,
                        new BrandKitView(
                            new BrandKitView.Watermark(
                                pdf, "middle", 1.5, 0.0, List.of("card", "huge"))),
                        ACTOR));
    assertEquals(
        List.of(
            "watermark.position",
            "watermark.opacity",
            "watermark.scale",
            "watermark.presets[1]",
            "watermark.assetId"),
        bad.fieldErrors().stream().map(e -> e.field()).toList());
    BrandKitView defaults =
        storybank
            .brandKit()
            .put(
                T,
                new BrandKitView(new BrandKitView.Watermark(logo, null, null, null, null)),
                ACTOR);
    assertEquals(
        new BrandKitView.Watermark(logo, "bottom-right", 0.6, 0.2, List.of()),
        defaults.watermark());
    assertEquals(defaults, storybank.brandKit().get(T, ACTOR));
    StorybankException inUse =
        assertKind(ErrorKind.CONFLICT, () -> storybank.media().delete(T, logo, null, ACTOR));
    assertTrue(inUse.getMessage().contains("brand kit"), inUse.getMessage());
    storybank.brandKit().put(T, new BrandKitView(null), ACTOR);
    storybank.media().delete(T, logo, null, ACTOR);
    assertNull(storybank.brandKit().get(T, ACTOR).watermark());
    assertEquals(
        List.of("watermark removed", "watermark " + logo + " bottom-right, opacity 0.6"),
        storybank
            .auditTrail()
            .audit(null, "brand-kit-changed", T, null, null, null, 10, ACTOR)
            .items()
            .stream()
            .map(a -> a.detail().replaceAll(", scale.*", ""))
            .toList(),
        "who changed the brand kit, newest first");
  }

  @Test
  void deletingTheLogoWhileAnEditorNamesItEndsInOneOfTheTwoAndAClearError() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 25; round++) {
        UUID logo = upload(solid(100, 50, Color.RED), "logo" + round + ".png", null);
        CyclicBarrier together = new CyclicBarrier(2);
        Future<RuntimeException> naming =
            pool.submit(
                () -> {
                  together.await();
                  return Failures.of(
                      () -> putWatermark(logo, "top-left", 1.0, 0.2, List.of("card")));
                });
        Future<RuntimeException> deleting =
            pool.submit(
                () -> {
                  together.await();
                  return Failures.of(() -> storybank.media().delete(T, logo, null, ACTOR));
                });
        RuntimeException put = naming.get();
        RuntimeException delete = deleting.get();
        BrandKitView.Watermark kept = storybank.brandKit().get(T, ACTOR).watermark();
        if (put == null) {
          assertNotNull(delete, "both cannot succeed");
          assertKind(ErrorKind.CONFLICT, delete);
          assertEquals(logo, kept.assetId());
        } else {
          assertNull(delete, "the delete went through, so the brand kit must have been refused");
          assertTrue(
              put instanceof StorybankException e
                  && (e.kind() == ErrorKind.INVALID || e.kind() == ErrorKind.CONFLICT),
              String.valueOf(put));
          assertThrows(StorybankException.class, () -> storybank.media().get(T, logo, ACTOR));
        }
        storybank.brandKit().put(T, new BrandKitView(null), ACTOR);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertKind(ErrorKind kind, RuntimeException e) {
    assertTrue(e instanceof StorybankException, String.valueOf(e));
    assertEquals(kind, ((StorybankException) e).kind(), e.getMessage());
  }

  @Test
  void aVideoNamesAnImagePosterOfItsTenant() {
    UUID poster = upload(solid(320, 180, Color.BLUE), "poster.png", null);
    UUID video =
        storybank
            .media()
            .create(
                T,
                input(
                    "{\"mediaType\":\"video\",\"translations\":{\"vi\":{\"caption\":\"Sa Pa\"}}}"),
                ACTOR)
            .header()
            .id();
    MediaView withPoster =
        storybank.media().patch(T, video, json("{\"posterId\":\"" + poster + "\"}"), null, ACTOR);
    assertEquals(poster, withPoster.posterId());
    assertEquals(poster, storybank.media().get(T, video, Actor.superAdmin()).posterId());

    StorybankException unknown =
        assertKind(
            ErrorKind.INVALID,
            () ->
                storybank
                    .media()
                    .patch(
                        T,
                        video,
                        json("{\"posterId\":\"" + UUID.randomUUID() + "\"}"),
                        null,
                        ACTOR));
    assertEquals("posterId", unknown.fieldErrors().get(0).field(), unknown.getMessage());
    UUID pdf =
        storybank
            .mediaFiles()
            .upload(T, new ByteArrayInputStream(TestMedia.pdf()), null, "a.pdf", null, ACTOR)
            .header()
            .id();
    StorybankException notAnImage =
        assertKind(
            ErrorKind.INVALID,
            () ->
                storybank
                    .media()
                    .patch(T, video, json("{\"posterId\":\"" + pdf + "\"}"), null, ACTOR));
    assertTrue(notAnImage.getMessage().contains("not an image"), notAnImage.getMessage());
    UUID empty =
        storybank
            .media()
            .create(
                T,
                input(
                    "{\"mediaType\":\"photo\",\"translations\":{\"vi\":{\"caption\":\"Sa Pa\"}}}"),
                ACTOR)
            .header()
            .id();
    assertEquals(
        empty,
        storybank
            .media()
            .patch(T, video, json("{\"posterId\":\"" + empty + "\"}"), null, ACTOR)
            .posterId(),
        "a photo whose file is not uploaded yet (an import carries none) may be a poster");
    storybank.media().patch(T, video, json("{\"posterId\":\"" + poster + "\"}"), null, ACTOR);
    StorybankException photoPoster =
        assertKind(
            ErrorKind.INVALID,
            () ->
                storybank
                    .media()
                    .patch(T, empty, json("{\"posterId\":\"" + poster + "\"}"), null, ACTOR));
    assertTrue(photoPoster.getMessage().contains("video and audio"), photoPoster.getMessage());

    StorybankException linked =
        assertKind(ErrorKind.CONFLICT, () -> storybank.media().delete(T, poster, null, ACTOR));
    assertTrue(linked.getMessage().contains(video.toString()), linked.getMessage());
    storybank.media().patch(T, video, json("{\"posterId\":null}"), null, ACTOR);
    assertNull(storybank.media().get(T, video, Actor.superAdmin()).posterId());
    storybank.media().delete(T, poster, null, ACTOR);
  }

  @Test
  void publicMediaUrlsRespectTheAllowedChannels() {
    channel("open-portal", "public");
    channel("partner-desk", "key");
    UUID everywhere = upload(solid(60, 40, Color.BLUE), "a.png", null);
    UUID openToo =
        upload(
            solid(61, 40, Color.BLUE),
            "b.png",
            "{\"channelsAllowed\":[\"open-portal\",\"partner-desk\"]}");
    UUID partnersOnly =
        upload(solid(62, 40, Color.BLUE), "c.png", "{\"channelsAllowed\":[\"partner-desk\"]}");
    MediaDelivery delivery = storybank.mediaDelivery();

    assertNotNull(delivery.rendition(T, everywhere, "thumb", null));
    assertNotNull(delivery.rendition(T, everywhere, "thumb", "partner-desk"));
    assertNotNull(delivery.original(T, openToo, null), "public in open-portal: no secret");
    assertNotNull(delivery.original(T, openToo, "partner-desk"));
    StorybankException plain =
        assertKind(ErrorKind.NOT_FOUND, () -> delivery.rendition(T, partnersOnly, "thumb", null));
    assertTrue(plain.getMessage().contains("?channel="), plain.getMessage());
    assertKind(ErrorKind.NOT_FOUND, () -> delivery.original(T, partnersOnly, null));
    assertKind(ErrorKind.NOT_FOUND, () -> delivery.original(T, partnersOnly, "open-portal"));
    assertNotNull(delivery.original(T, partnersOnly, "partner-desk"));
    assertNotNull(delivery.rendition(T, partnersOnly, "thumb", "partner-desk"));
    StorybankException noSuch =
        assertKind(ErrorKind.NOT_FOUND, () -> delivery.original(T, everywhere, "no-such"));
    assertTrue(noSuch.getMessage().contains("no channel"), noSuch.getMessage());
  }

  private void channel(String code, String access) {
    storybank
        .channels()
        .put(
            T,
            code,
            new ChannelInput(
                code,
                access,
                List.of(new ChannelInput.LocaleInput("vi", List.of(), false)),
                null,
                Map.of(),
                List.of("jsonfeed")),
            null,
            ACTOR);
  }

  private BrandKitView putWatermark(
      UUID logo, String position, double opacity, double scale, List<String> presets) {
    return storybank
        .brandKit()
        .put(
            T,
            new BrandKitView(new BrandKitView.Watermark(logo, position, opacity, scale, presets)),
            ACTOR);
  }

  /** A published record: its public files answer (unpublished ones answer 404). */
  private UUID upload(byte[] bytes, String filename, String metadata) {
    ObjectNode record =
        metadata == null ? Json.mapper().createObjectNode() : (ObjectNode) json(metadata);
    record.putObject("translations").putObject("vi").put("title", filename);
    UUID id =
        storybank
            .mediaFiles()
            .upload(T, new ByteArrayInputStream(bytes), null, filename, record, ACTOR)
            .header()
            .id();
    storybank.media().review().act(T, id, "vi", WorkflowAction.PUBLISH, null, ACTOR);
    return id;
  }

  private static byte[] grey(int width, int height) {
    return png(width, height, new Color(128, 128, 128), BufferedImage.TYPE_INT_RGB);
  }

  private static byte[] solid(int width, int height, Color color) {
    return png(width, height, color, BufferedImage.TYPE_INT_ARGB);
  }

  private static byte[] png(int width, int height, Color color, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, width, height);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage read(MediaDelivery.Delivered delivered) throws IOException {
    try (InputStream in = delivered.open()) {
      return ImageIO.read(in);
    }
  }

  private static int red(int rgb) {
    return (rgb >> 16) & 0xFF;
  }

  private static int green(int rgb) {
    return (rgb >> 8) & 0xFF;
  }

  private static int blue(int rgb) {
    return rgb & 0xFF;
  }

  private static boolean isRed(int rgb) {
    return red(rgb) > 200 && green(rgb) < 60 && blue(rgb) < 60;
  }

  private static boolean isGrey(int rgb) {
    return Math.abs(red(rgb) - 128) < 12
        && Math.abs(green(rgb) - 128) < 12
        && Math.abs(blue(rgb) - 128) < 12;
  }

  private static String hex(int rgb) {
    return Integer.toHexString(rgb & 0xFFFFFF);
  }

  private static MediaInput input(String text) {
    try {
      return Json.mapper().readValue(text, MediaInput.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StorybankException assertKind(ErrorKind kind, Runnable work) {
    StorybankException e = assertThrows(StorybankException.class, work::run);
    assertEquals(kind, e.kind(), e.getMessage());
    return e;
  }
}
