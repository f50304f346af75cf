package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.storybank.core.json.Json;
import vn.storybank.core.media.TestMedia;

/**
 * Journey 6: a journalist finds a photo without diacritics and downloads its hero rendition with
 * the credit shown; drafts never show.
 */
@ExtendWith(UiServer.class)
class PressUiIT {
  private static final String T = "lao-cai";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void aJournalistFindsAPhotoDownloadsItsHeroRenditionAndSeesNoDrafts(PayaraServer server) {
    SignInUiIT.member(server, "ui-press-journalist", T, "journalist");
    String word = "press" + Long.toString(System.nanoTime(), 36);
    String credit = "Ảnh: Lò Văn Páo / Báo Lào Cai";
    String photo = photo(server, "Đồi chè Tân Uyên mùa thu hoạch " + word, credit);
    String draft = story(server, "Bản nháp chưa duyệt " + word + "nhap", false);
    String published = "Ruộng bậc thang Mù Cang Chải " + word;
    story(server, published, true);

    try (Browser browser = new Browser(server.base(), "press", "vi")) {
      browser.signIn("ui-press-journalist", SignInUiIT.PASSWORD);
      browser.open("#/");
      browser.waitText("header.top nav", "Tìm tư liệu báo chí");
      browser.waitText(".home-press", "Mở trang tìm tư liệu báo chí");
      browser.assertAccessible("journalist-home");
      browser.screenshot("journalist-home");

      browser.click("Mở trang tìm tư liệu báo chí");
      browser.find("#press-q");
      browser.type("#press-q", "doi che tan uyen " + word);
      browser.waitText(".press-media", "Đồi chè Tân Uyên");
      browser.waitText(".press-media .credit", credit);
      browser.waitText(".press-media .licence", "CC BY 4.0");
      String hero = browser.find(".press-media a[data-preset=hero]").getAttribute("href");
      HttpResponse<byte[]> file = fetch(hero);
      assertEquals(200, file.statusCode(), hero);
      assertEquals("image/jpeg", file.headers().firstValue("Content-Type").orElse(""));
      assertTrue(hero.contains(photo), hero);
      assertEquals("", browser.find(".press-media a[data-preset=hero]").getAttribute("download"));
      browser.assertAccessible("press-photo");
      browser.screenshot("photo-found");

      browser.find(".press-media button.copy").click();
      browser.find(".press-media [role=status], .press-media textarea");
      browser.screenshot("citation");

      // The published story is found and opens read-only; the draft never shows.
      browser.type("#press-q", "ruong bac thang mu cang chai " + word);
      browser.waitText(".press-hits", published);
      browser.click("Đọc");
      browser.waitText("#press-detail", published);
      browser.waitText("#press-detail .credit", "Ban biên tập");
      browser.assertAccessible("press-story");
      browser.screenshot("story-read-only");

      browser.type("#press-q", draft);
      browser.waitText("#press-count", "Không có nội dung đã xuất bản nào phù hợp");
      browser.screenshot("no-drafts");
    }
  }

  /** A published photo with its file, credit and licence; returns its id. */
  private static String photo(PayaraServer server, String title, String credit) {
    String metadata =
        "{\"mediaType\":\"photo\",\"credit\":\""
            + credit
            + "\",\"licence\":\"CC BY 4.0\",\"translations\":{\"vi\":{\"title\":\""
            + title
            + "\"}}}";
    HttpResponse<byte[]> uploaded =
        send(
            Multipart.upload(
                    server.base().resolve("api/admin/v1/" + T + "/media"),
                    TestMedia.jpeg(1200, 800),
                    "image/jpeg",
                    "che.jpg",
                    metadata)
                .header("Authorization", Api.basic("admin", PayaraServer.ADMIN_PASSWORD)));
    assertEquals(201, uploaded.statusCode(), () -> new String(uploaded.body()));
    String id;
    try {
      id = Json.mapper().readTree(uploaded.body()).get("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    publish(server, "media/" + id);
    return id;
  }

  /** A story with a unique title, published or left a draft; returns its title's unique word. */
  private static String story(PayaraServer server, String title, boolean publish) {
    Api admin = Api.admin(server);
    Api.Reply created =
        admin.post(
            "api/admin/v1/" + T + "/stories",
            "{\"kind\":\"destination\",\"credit\":\"Ban biên tập\",\"translations\":{\"vi\":{"
                + "\"title\":\""
                + title
                + "\",\"summary\":\"Tóm tắt.\",\"body\":\"<p>Nội dung.</p>\"}}}");
    assertEquals(201, created.status(), created::toString);
    if (publish) {
      publish(server, "stories/" + created.json().get("id").asText());
    }
    return title.substring(title.lastIndexOf(' ') + 1);
  }

  private static void publish(PayaraServer server, String entry) {
    Api.Reply published =
        Api.admin(server)
            .post("api/admin/v1/" + T + "/" + entry + "/translations/vi/publish", "{}");
    assertEquals(200, published.status(), published::toString);
  }

  private static HttpResponse<byte[]> fetch(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
