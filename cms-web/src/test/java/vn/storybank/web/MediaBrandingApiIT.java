package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.web.MediaApiIT.assertProblem;
import static vn.storybank.web.MediaApiIT.json;
import static vn.storybank.web.MediaApiIT.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The brand-kit watermark, posters of videos and channel-scoped media URLs over HTTP, against the
 * WAR on Payara Micro.
 */
@ExtendWith(EmbeddedServer.class)
class MediaBrandingApiIT {
  static final String ADMIN = "api/admin/v1/lao-cai/";
  static final String PUBLIC = "api/v1/lao-cai/";
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static URI base;

  @BeforeAll
  static void connect(PayaraServer server) {
    MediaApiIT.connect(server);
    base = server.base();
  }

  @Test
  void theBrandKitWatermarksTheChosenPresetAndEachChangeGetsANewEtag() throws IOException {
    String photo =
        MediaApiIT.publish(upload(png(1600, 1000, new Color(128, 128, 128)), "grey.png", null));
    String logo = upload(png(400, 200, Color.RED), "logo.png", null);
    String thumb = PUBLIC + "media/" + photo + "/renditions/thumb";
    HttpResponse<byte[]> before = MediaApiIT.get(thumb, null, null, false);
    assertEquals(200, before.statusCode(), text(before));
    String plain = before.headers().firstValue("ETag").orElseThrow();
    try {
      HttpResponse<byte[]> put = brandKit(watermark(logo, "bottom-left", 1.0, "thumb"));
      assertEquals(200, put.statusCode(), text(put));
      assertEquals("bottom-left", json(put).at("/watermark/position").asText());
      assertEquals(json(put), json(adminSend("GET", "brand-kit", null)));

      HttpResponse<byte[]> marked = MediaApiIT.get(thumb, null, null, false);
      assertEquals(200, marked.statusCode(), text(marked));
      String etag = marked.headers().firstValue("ETag").orElseThrow();
      assertNotEquals(plain, etag);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(marked.body()));
      int corner = image.getRGB(3, image.getHeight() - 3);
      assertTrue(((corner >> 16) & 0xFF) > 200 && ((corner >> 8) & 0xFF) < 60, hex(corner));
      int opposite = image.getRGB(image.getWidth() - 3, 3);
      assertTrue(Math.abs(((opposite >> 16) & 0xFF) - 128) < 12, hex(opposite));

      assertEquals(200, brandKit(watermark(logo, "bottom-left", 0.5, "thumb")).statusCode());
      HttpResponse<byte[]> faint = MediaApiIT.get(thumb, null, null, false);
      assertNotEquals(etag, faint.headers().firstValue("ETag").orElseThrow(), "opacity changed");

      assertProblem(brandKit(watermark(logo, "middle", 2.0, "huge")), 400);
      assertProblem(
          MediaApiIT.send(HttpRequest.newBuilder(base.resolve(ADMIN + "media/" + logo)).DELETE()),
          409);
    } finally {
      assertEquals(200, brandKit("{\"watermark\":null}").statusCode());
    }
    HttpResponse<byte[]> after = MediaApiIT.get(thumb, null, null, false);
    assertEquals(plain, after.headers().firstValue("ETag").orElseThrow());
  }

  @Test
  void aVideosPosterShowsInItsItemAndInFeedsAndCannotBeDeletedUnderIt() {
    String poster =
        MediaApiIT.publish(upload(png(640, 360, Color.BLUE), "poster-" + RUN + ".png", null));
    String video =
        json(created(
                MediaApiIT.multipart(
                    MediaApiIT.mp4(2048),
                    "video/mp4",
                    "clip.mp4",
                    "{\"posterId\":\""
                        + poster
                        + "\",\"translations\":{\"vi\":{\"title\":\"Video "
                        + RUN
                        + "\",\"caption\":\"Lễ hội\"}}}")))
            .get("id")
            .asText();
    assertEquals(poster, json(adminSend("GET", "media/" + video, null)).get("posterId").asText());
    publish("media/" + video);
    assertProblem(
        adminSend("PATCH", "media/" + video, "{\"posterId\":\"" + UUID.randomUUID() + "\"}"), 400);

    JsonNode item =
        json(MediaApiIT.get(PUBLIC + "media/" + video + "?locale=vi", null, null, false));
    JsonNode shown = null;
    for (JsonNode m : item.get("media")) {
      if (m.get("role").asText().equals("poster")) {
        shown = m;
      }
    }
    assertTrue(shown != null && shown.get("id").asText().equals(poster), item.toString());
    JsonNode ld =
        json(
            MediaApiIT.sendAnonymous(
                HttpRequest.newBuilder(base.resolve(PUBLIC + "media/" + video + "?locale=vi"))
                    .header("Accept", "application/ld+json")));
    assertEquals("VideoObject", ld.get("@type").asText());
    assertTrue(
        ld.path("thumbnailUrl").asText().contains("/media/" + poster + "/renditions/thumb"),
        ld.toString());

    HttpResponse<byte[]> feed =
        MediaApiIT.get(
            PUBLIC + "channels/vietnam-vn/feed.json?locale=vi&limit=50", null, null, false);
    assertEquals(200, feed.statusCode(), text(feed));
    JsonNode feedJson = json(feed);
    assertEquals(List.of(), FeedSchemas.jsonFeed(feedJson));
    String image = null;
    for (JsonNode i : feedJson.get("items")) {
      if (i.get("id").asText().contains(video)) {
        image = i.path("image").asText();
      }
    }
    assertTrue(
        image != null && image.contains("/media/" + poster + "/renditions/"),
        "the feed's image is the poster: " + image);
    assertTrue(image.endsWith("?channel=vietnam-vn"), image);
    HttpResponse<byte[]> posterImage =
        MediaApiIT.get(image.substring(base.toString().length()), null, null, false);
    assertEquals(200, posterImage.statusCode(), text(posterImage));

    JsonNode ninjs =
        json(
            MediaApiIT.get(
                PUBLIC + "channels/vietnam-vn/feed.ninjs?locale=vi&limit=50", null, null, false));
    boolean associated = false;
    for (JsonNode i : ninjs.get("items")) {
      assertEquals(List.of(), FeedSchemas.ninjs(i), i.toString());
      for (JsonNode a : i.path("associations")) {
        associated |= a.path("name").asText().equals("poster") && a.toString().contains(poster);
      }
    }
    assertTrue(associated, "a ninjs association named poster");

    assertProblem(
        MediaApiIT.send(HttpRequest.newBuilder(base.resolve(ADMIN + "media/" + poster)).DELETE()),
        409);

    HttpResponse<byte[]> expired =
        adminSend(
            "PATCH",
            "media/" + poster,
            "{\"rightsExpireAt\":\"" + java.time.Instant.now().minusSeconds(60) + "\"}");
    assertEquals(200, expired.statusCode(), text(expired));
    JsonNode without =
        json(MediaApiIT.get(PUBLIC + "media/" + video + "?locale=vi", null, null, false));
    for (JsonNode m : without.get("media")) {
      assertNotEquals("poster", m.get("role").asText(), "an expired poster is not shown");
    }
  }

  @Test
  void aPartnerOnlyAssetHasNoPlainUrl() {
    String code = "partners-" + RUN;
    HttpResponse<byte[]> channel =
        adminSend(
            "POST",
            "channels",
            "{\"code\":\""
                + code
                + "\",\"name\":\"Đối tác\",\"access\":\"key\",\"locales\":[{\"tag\":\"vi\"}],"
                + "\"formats\":[\"jsonfeed\"]}");
    assertEquals(201, channel.statusCode(), text(channel));
    String text = ",\"translations\":{\"vi\":{\"title\":\"Ảnh " + RUN + "\"}}}";
    String restricted =
        upload(
            png(300, 200, Color.BLUE), "r.png", "{\"channelsAllowed\":[\"" + code + "\"]" + text);
    String open =
        upload(png(301, 200, Color.BLUE), "o.png", "{\"channelsAllowed\":[\"en-portal\"]" + text);
    publish("media/" + restricted);
    publish("media/" + open);
    assertProblem(
        MediaApiIT.get(PUBLIC + "media/" + restricted + "?locale=vi", null, null, false), 404);
    HttpResponse<byte[]> openItem =
        MediaApiIT.get(PUBLIC + "media/" + open + "?locale=vi", null, null, false);
    assertEquals(200, openItem.statusCode(), text(openItem));
    String media = PUBLIC + "media/";
    assertProblem(MediaApiIT.get(media + restricted + "/renditions/thumb", null, null, false), 404);
    assertProblem(MediaApiIT.get(media + restricted + "/original", null, null, false), 404);
    assertProblem(
        MediaApiIT.get(
            media + restricted + "/renditions/thumb?channel=en-portal", null, null, false),
        404);
    // Through its key-protected channel it answers the channel's partners only (SignedMediaApiIT).
    assertProblem(
        MediaApiIT.get(media + restricted + "/renditions/thumb?channel=" + code, null, null, false),
        401);
    HttpResponse<byte[]> issued =
        adminSend(
            "POST", "partners", "{\"name\":\"P " + RUN + "\",\"channels\":[\"" + code + "\"]}");
    assertEquals(201, issued.statusCode(), text(issued));
    String key = json(issued).get("key").asText();
    assertEquals(
        200,
        MediaApiIT.sendAnonymous(
                HttpRequest.newBuilder(
                        MediaApiIT.base.resolve(
                            media + restricted + "/renditions/thumb?channel=" + code))
                    .header("X-Api-Key", key))
            .statusCode());
    assertEquals(
        206,
        MediaApiIT.sendAnonymous(
                HttpRequest.newBuilder(
                        MediaApiIT.base.resolve(media + restricted + "/original?channel=" + code))
                    .header("X-Api-Key", key)
                    .header("Range", "bytes=0-9"))
            .statusCode());
    assertEquals(200, MediaApiIT.get(media + open + "/original", null, null, false).statusCode());
    assertProblem(
        MediaApiIT.get(media + open + "/original?channel=no-such-" + RUN, null, null, false), 404);
  }

  private static String watermark(String logo, String position, double opacity, String preset) {
    return "{\"watermark\":{\"assetId\":\""
        + logo
        + "\",\"position\":\""
        + position
        + "\",\"opacity\":"
        + opacity
        + ",\"scale\":0.3,\"presets\":[\""
        + preset
        + "\"]}}";
  }

  private static HttpResponse<byte[]> brandKit(String body) {
    return adminSend("PUT", "brand-kit", body);
  }

  private static String upload(byte[] png, String filename, String metadata) {
    String id =
        json(created(MediaApiIT.multipart(png, "image/png", filename, metadata)))
            .get("id")
            .asText();
    return id;
  }

  private static HttpResponse<byte[]> created(HttpResponse<byte[]> response) {
    assertEquals(201, response.statusCode(), text(response));
    return response;
  }

  private static void publish(String path) {
    HttpResponse<byte[]> published = adminSend("POST", path + "/translations/vi/publish", null);
    assertEquals(200, published.statusCode(), text(published));
  }

  private static HttpResponse<byte[]> adminSend(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(ADMIN + path));
    if (json != null) {
      request.header(
          "Content-Type",
          method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    return MediaApiIT.send(request);
  }

  private static byte[] png(int width, int height, Color color) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
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

  private static String hex(int rgb) {
    return Integer.toHexString(rgb & 0xFFFFFF);
  }
}
