package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.storybank.core.json.Json;
import vn.storybank.core.media.TestMedia;

/**
 * Journey 4: a media librarian uploads three files at once (one a text file named .jpg), sets a
 * focal point whose crop previews follow it, and captions the photo in English.
 */
@ExtendWith(UiServer.class)
class MediaUiIT {
  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);
  private static final String SOCIAL = ".media-preview[data-preset=social] .media-crop img";

  @Test
  void uploadsManyFilesSetsAFocalPointAndCaptionsInEnglish(PayaraServer server, @TempDir Path dir)
      throws IOException {
    String user = "ui-media-" + RUN;
    SignInUiIT.member(server, user, "lao-cai", "media-librarian");
    Path terraces = jpeg(dir.resolve("terraces-" + RUN + ".jpg"), new Color(60, 130, 60));
    Path market = jpeg(dir.resolve("market-" + RUN + ".jpg"), new Color(170, 80, 40));
    Path notes = dir.resolve("notes-" + RUN + ".jpg");
    Files.writeString(notes, "Meeting notes, not a photo at all.\n", StandardCharsets.UTF_8);

    try (Browser browser = new Browser(server.base(), "media", "en-US")) {
      browser.signIn(user, SignInUiIT.PASSWORD);
      browser.open("#/media");
      browser.find("sb-media-library .media-grid");
      browser.waitText("sb-media-library h1", "Media library");
      browser.assertAccessible("media library");
      browser.screenshot("library");

      // Three files at once through the labelled file input (what a drop hands over too).
      browser
          .find("#media-files")
          .sendKeys(terraces.toString() + "\n" + market.toString() + "\n" + notes.toString());
      browser.waitText(".upload-refused", "notes-" + RUN + ".jpg");
      browser.waitText(".upload-refused .problem", "not a type Storybank accepts");
      new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(15))
          .until(d -> browser.all(".upload-done").size() == 2);
      assertEquals(
          List.of(1.0, 1.0),
          ((List<?>)
                  browser.script(
                      "return [...document.querySelectorAll('.upload-done progress')]"
                          + ".map(p => p.value)"))
              .stream().map(v -> ((Number) v).doubleValue()).toList(),
          "both accepted uploads show their progress complete");
      browser.screenshot("uploaded-two-refused-one");
      browser.assertAccessible("media library after uploads");

      // A credit and rights that have ended show on the library's tile.
      Api admin = Api.admin(server);
      String terracesId =
          browser
              .waitText(".upload-done", "terraces-" + RUN + ".jpg")
              .findElement(By.cssSelector("a"))
              .getAttribute("href")
              .replaceAll(".*#/media/", "");
      String marketId =
          browser
              .waitText(".upload-done", "market-" + RUN + ".jpg")
              .findElement(By.cssSelector("a"))
              .getAttribute("href")
              .replaceAll(".*#/media/", "");
      Api.Reply patched =
          admin.patch(
              "api/admin/v1/lao-cai/media/" + marketId,
              "{\"credit\":\"Ảnh: Lò Văn Minh\",\"rightsExpireAt\":\"2020-01-01T00:00:00Z\"}",
              "\""
                  + admin.get("api/admin/v1/lao-cai/media/" + marketId).json().get("version")
                  + "\"");
      assertEquals(200, patched.status(), patched::toString);
      browser.open("#/account");
      browser.find("#currentPassword");
      browser.open("#/media");
      WebElement tile = browser.waitText(".media-grid li", "Credit: Ảnh: Lò Văn Minh");
      assertTrue(tile.getText().contains("Rights expired"), tile.getText());
      assertTrue(
          tile.findElement(By.cssSelector("a"))
              .getAttribute("href")
              .endsWith("#/media/" + marketId));
      browser.screenshot("rights-marker");

      // Dropping files on the zone: a real JPEG (the terraces thumbnail) and a text file.
      browser.script(
          "const jpeg = new XMLHttpRequest();"
              + " jpeg.open('GET', '/api/admin/v1/lao-cai/media/' + arguments[0]"
              + " + '/renditions/thumb', false);"
              + " jpeg.overrideMimeType('text/plain; charset=x-user-defined'); jpeg.send();"
              + " const bytes = Uint8Array.from(jpeg.responseText, c => c.charCodeAt(0) & 0xff);"
              + " const files = new DataTransfer();"
              + " files.items.add(new File([bytes], 'dropped-photo.jpg', {type: 'image/jpeg'}));"
              + " files.items.add(new File(['a note'], 'dropped-note.jpg', {type: 'image/jpeg'}));"
              + " document.querySelector('.dropzone').dispatchEvent(new DragEvent('drop',"
              + " {dataTransfer: files, bubbles: true, cancelable: true}));",
          terracesId);
      browser.waitText(".upload-done", "dropped-photo.jpg");
      browser.waitText(".upload-refused", "dropped-note.jpg");
      browser.screenshot("dropped");

      // Open the terraces photo.
      browser.open("#/media/" + terracesId);
      WebElement image = browser.find(".media-image");
      new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(15))
          .until(d -> (Boolean) browser.script("return arguments[0].naturalWidth > 0", image));
      String id = terracesId;
      browser.waitText(".media-facts", "800 × 600");
      browser.assertAccessible("media asset");
      browser.screenshot("asset");

      // Focal point: a click at 25 % from the left and 80 % from the top of the image.
      String before = objectPosition(browser);
      assertEquals("50.0% 50.0%", before);
      Integer width = image.getRect().getWidth();
      Integer height = image.getRect().getHeight();
      new Actions(browser.driver)
          .moveToElement(image, (int) (-0.25 * width), (int) (0.30 * height))
          .click()
          .perform();
      String after = objectPosition(browser);
      assertNotEquals(before, after, "the social preview follows the focal point");
      // 800×600 cut to 1200:630 keeps the whole width and 420 of the 600 rows: centred on row
      // 480 it would pass the bottom, so it starts at row 180, the last possible: 100 %.
      assertEquals("50.0% 100.0%", after);
      assertEquals(
          "50% 100%",
          browser.script(
              "return getComputedStyle(document.querySelector(arguments[0])).objectPosition",
              SOCIAL));
      browser.script("document.querySelector('.media-previews').scrollIntoView()");
      browser.screenshot("focal-point-set");

      // A caption in English, then save.
      new Select(browser.find("#media-text-locale")).selectByValue("en");
      browser.type("#media-caption", "Rice terraces in Mu Cang Chai " + RUN);
      browser.type("#media-alt", "Green terraces on a hillside");
      // Meanwhile someone else saves a credit: the save is refused, nothing typed is lost, and
      // their credit joins the form.
      Api.Reply other =
          admin.patch(
              "api/admin/v1/lao-cai/media/" + id,
              "{\"credit\":\"Ảnh: Giàng A Páo\"}",
              "\"" + admin.get("api/admin/v1/lao-cai/media/" + id).json().get("version") + "\"");
      assertEquals(200, other.status(), other::toString);
      browser.find("form button[type=submit]").click();
      browser.waitText(".warning", "someone else saved");
      assertEquals(
          "Rice terraces in Mu Cang Chai " + RUN,
          browser.find("#media-caption").getAttribute("value"));
      assertEquals("Ảnh: Giàng A Páo", browser.find("#media-credit").getAttribute("value"));
      browser.script("document.querySelector('.warning').scrollIntoView()");
      browser.screenshot("conflict-kept-what-was-typed");
      browser.find("form button[type=submit]").click();
      browser.waitText(".notice", "Saved");
      browser.find(".media-renditions img");

      JsonNode saved = admin.get("api/admin/v1/lao-cai/media/" + id).json();
      assertEquals("Ảnh: Giàng A Páo", saved.path("credit").asText());
      assertEquals(0.25, saved.path("focalPoint").path("x").asDouble(), 0.02);
      assertEquals(0.8, saved.path("focalPoint").path("y").asDouble(), 0.02);
      assertEquals(
          "Rice terraces in Mu Cang Chai " + RUN,
          saved.path("translations").path("en").path("caption").asText());
      assertEquals(
          "Green terraces on a hillside",
          saved.path("translations").path("en").path("altText").asText());
      // The server's social rendition is cut to the preset's shape.
      new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(15))
          .until(
              d ->
                  (Boolean)
                      browser.script(
                          "const i = document.querySelector("
                              + "'.media-renditions [data-preset=social] img');"
                              + " return i.complete && i.naturalWidth > 0"));
      double ratio =
          ((Number)
                  browser.script(
                      "const i = document.querySelector("
                          + "'.media-renditions [data-preset=social] img');"
                          + " return i.naturalWidth / i.naturalHeight"))
              .doubleValue();
      assertEquals(1200.0 / 630, ratio, 0.02);
      browser.script("document.querySelector('.media-renditions').scrollIntoView()");
      browser.screenshot("saved-with-renditions");
      browser.assertAccessible("media asset after saving");

      // The media picker: a video's poster image, chosen from the library by its English caption.
      String video =
          admin
              .post(
                  "api/admin/v1/lao-cai/media",
                  "{\"mediaType\":\"video\",\"translations\":{\"vi\":{\"caption\":\"Video hội xuân "
                      + RUN
                      + "\"}}}")
              .json()
              .get("id")
              .asText();
      new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(15))
          .until(
              d ->
                  admin
                      .get("api/admin/v1/lao-cai/search?type=media&kind=photo&q=" + RUN)
                      .body()
                      .contains(id));
      browser.open("#/media/" + video);
      browser.find("#media-poster-choose").click();
      browser.find("dialog.media-picker input[type=search]").sendKeys(Keys.ESCAPE);
      new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(15))
          .until(d -> browser.all("dialog.media-picker").isEmpty());
      assertEquals("media-poster-choose", browser.script("return document.activeElement.id"));
      browser.find("#media-poster-choose").click();
      browser.find("dialog.media-picker input[type=search]").sendKeys(RUN);
      browser.find("dialog.media-picker button.media-pick[data-id='" + id + "']");
      browser.waitText("dialog.media-picker [role=status]", "1 found");
      browser.assertAccessible("media picker");
      browser.screenshot("picker");
      browser.find("dialog.media-picker button.media-pick[data-id='" + id + "']").click();
      browser.find(".media-poster-image");
      browser.find("form button[type=submit]").click();
      browser.waitText(".notice", "Saved");
      assertEquals(
          id, admin.get("api/admin/v1/lao-cai/media/" + video).json().path("posterId").asText());

      // Where used: the photo now names the video it is the poster of.
      browser.open("#/media/" + id);
      browser.waitText(".media-usages", "Video hội xuân " + RUN);
      browser.waitText(".media-usages", "poster image");
      browser.script("document.querySelector('.media-usages').scrollIntoView()");
      browser.screenshot("where-used");

      // Replace the file: the record keeps its captions and shows the new file's facts.
      Path wider = jpeg(dir.resolve("terraces-wide-" + RUN + ".jpg"), new Color(40, 110, 70), 1000);
      browser.find("#media-replace").sendKeys(wider.toString());
      browser.waitText("#media-replace-name", "File replaced");
      browser.waitText(".media-facts", "1,000 × 600");
      assertEquals(
          1000.0,
          ((Number)
                  browser.script(
                      "return document.querySelector('#media-replace-name + progress').value"
                          + " * 1000"))
              .doubleValue(),
          0.001);
      browser.script("document.querySelector('#media-replace').scrollIntoView()");
      browser.screenshot("file-replaced");
      assertEquals(
          "Rice terraces in Mu Cang Chai " + RUN,
          admin
              .get("api/admin/v1/lao-cai/media/" + id)
              .json()
              .path("translations")
              .path("en")
              .path("caption")
              .asText());
    }
  }

  @Test
  void aTranslatorCaptionsInTheirOwnLanguageOnly(PayaraServer server, @TempDir Path dir)
      throws Exception {
    String user = "ui-media-translator-" + RUN;
    Api admin = Api.admin(server);
    Api.Reply created =
        admin.post(
            "api/admin/v1/users",
            "{\"username\":\"" + user + "\",\"password\":\"" + SignInUiIT.PASSWORD + "\"}");
    assertEquals(201, created.status(), created::toString);
    Api.Reply member =
        admin.put(
            "api/admin/v1/lao-cai/members/" + user,
            "{\"roles\":[\"translator\"],\"locales\":[\"en\"]}");
    assertTrue(member.status() < 300, member::toString);
    Path photo =
        Files.write(dir.resolve("bac-ha-" + RUN + ".jpg"), TestMedia.jpegWithExif(900, 600, 1));
    HttpResponse<String> upload =
        HttpClient.newHttpClient()
            .send(
                Multipart.upload(
                        server.base().resolve("/api/admin/v1/lao-cai/media"),
                        Files.readAllBytes(photo),
                        "image/jpeg",
                        photo.getFileName().toString(),
                        "{\"translations\":{\"vi\":{\"caption\":\"Chợ phiên Bắc Hà "
                            + RUN
                            + "\"}}}")
                    .header("Authorization", Api.basic("admin", PayaraServer.ADMIN_PASSWORD))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(201, upload.statusCode(), upload.body());
    String id = Json.mapper().readTree(upload.body()).get("id").asText();

    try (Browser browser = new Browser(server.base(), "media-translator", "vi")) {
      browser.signIn(user, SignInUiIT.PASSWORD);
      browser.open("#/media");
      browser.find("sb-media-library .media-grid");
      browser.waitText("sb-media-library h1", "Thư viện tư liệu");
      assertTrue(browser.all("#media-files").isEmpty(), "a translator uploads nothing");
      // Found without diacritics, once the index has it.
      new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(15))
          .until(
              d ->
                  admin.get("api/admin/v1/lao-cai/search?type=media&q=" + RUN).body().contains(id));
      browser.type("#media-q", "cho phien bac ha " + RUN);
      browser.waitText("#media-q ~ [role=status]", "1–1");
      browser.waitText(".media-grid li", "Chợ phiên Bắc Hà " + RUN);
      browser.assertAccessible("media library (translator)");
      browser.screenshot("library-vi");

      browser.open("#/media/" + id);
      browser.find(".media-image");
      browser.waitText("h1", "Chợ phiên Bắc Hà " + RUN);
      // What the camera recorded, read from the file's EXIF.
      browser.waitText(".media-facts", "Canon EOS R6");
      browser.waitText(".media-facts", "900 × 600");
      browser.waitText(".media-facts", "Ngày chụp");
      assertEquals(
          List.of("en"),
          browser.script(
              "return [...document.querySelectorAll('#media-text-locale option')]"
                  + ".map(o => o.value)"));
      assertTrue(browser.all("#media-credit").isEmpty(), "rights are the librarians'");
      assertTrue(browser.all("#media-focal-x").isEmpty(), "so is the focal point");
      browser.type("#media-caption", "Bac Ha market " + RUN);
      browser.find("form button[type=submit]").click();
      browser.waitText(".notice", "Đã lưu");
      browser.assertAccessible("media asset (translator)");
      browser.screenshot("captioned-in-english");
    }
    JsonNode saved = admin.get("api/admin/v1/lao-cai/media/" + id).json();
    assertEquals("Bac Ha market " + RUN, saved.at("/translations/en/caption").asText());
    assertEquals("Chợ phiên Bắc Hà " + RUN, saved.at("/translations/vi/caption").asText());

    // An approver reads the captions and rights, and has nothing to save.
    String approver = "ui-media-approver-" + RUN;
    SignInUiIT.member(server, approver, "lao-cai", "approver");
    try (Browser browser = new Browser(server.base(), "media-approver", "en-US")) {
      browser.signIn(approver, SignInUiIT.PASSWORD);
      browser.open("#/media/" + id);
      browser.waitText(".media-facts", "Bac Ha market " + RUN);
      browser.waitText(".media-facts", "Chợ phiên Bắc Hà " + RUN);
      assertTrue(browser.all("form button[type=submit]").isEmpty(), "nothing to save");
      browser.find(".media-usages, #media-usages-title");
      browser.assertAccessible("media asset (approver)");
      browser.screenshot("read-only");
    }
  }

  private static String objectPosition(Browser browser) {
    return (String)
        browser.script("return document.querySelector(arguments[0]).dataset.position", SOCIAL);
  }

  private static Path jpeg(Path file, Color colour) throws IOException {
    return jpeg(file, colour, 800);
  }

  /** A JPEG 600 pixels high with a band and a disc at (200, 480), so that crops differ. */
  private static Path jpeg(Path file, Color colour, int width) throws IOException {
    BufferedImage image = new BufferedImage(width, 600, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(colour);
      g.fillRect(0, 0, width, 600);
      g.setColor(Color.WHITE);
      g.fillRect(0, 420, width, 60);
      g.setColor(Color.DARK_GRAY);
      g.fillOval(160, 440, 80, 80);
    } finally {
      g.dispose();
    }
    assertTrue(ImageIO.write(image, "jpg", file.toFile()));
    return file;
  }
}
