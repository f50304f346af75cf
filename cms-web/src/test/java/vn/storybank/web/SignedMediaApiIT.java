package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.storybank.web.DeliveryApiIT.PUBLIC;
import static vn.storybank.web.DeliveryApiIT.adminSend;
import static vn.storybank.web.DeliveryApiIT.assertProblem;
import static vn.storybank.web.DeliveryApiIT.story;
import static vn.storybank.web.DeliveryApiIT.upload;
import static vn.storybank.web.MediaApiIT.json;
import static vn.storybank.web.MediaApiIT.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.storybank.core.json.Json;

/**
 * The files of a key-protected channel: a partner's key opens them, and so does the signed URL the
 * channel's own answers carry (for {@code <img>} tags, which send no header); nothing else does.
 * Public channels keep plain URLs.
 */
@ExtendWith(EmbeddedServer.class)
class SignedMediaApiIT {
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String PARTNER = "signed-" + RUN;
  static final String OPEN = "plain-" + RUN;
  static String key;
  static String partnerPhoto;
  static String otherPartnerPhoto;
  static String openPhoto;
  static String partnerStory;
  static String openStory;

  @BeforeAll
  static void content(PayaraServer server) {
    MediaApiIT.connect(server);
    DeliveryApiIT.base = server.base();
    PartnerApiIT.base = server.base();
    for (String[] channel : List.of(new String[] {PARTNER, "key"}, new String[] {OPEN, "public"})) {
      HttpResponse<byte[]> created =
          adminSend(
              "POST",
              "channels",
              "{\"code\":\""
                  + channel[0]
                  + "\",\"name\":\"Kênh "
                  + channel[0]
                  + "\",\"access\":\""
                  + channel[1]
                  + "\",\"locales\":[{\"tag\":\"vi\"}],"
                  + "\"formats\":[\"jsonfeed\",\"ninjs\",\"atom\",\"sync\",\"playlist\"]}");
      assertEquals(201, created.statusCode(), text(created));
    }
    HttpResponse<byte[]> issued =
        adminSend(
            "POST",
            "partners",
            "{\"name\":\"Signed " + RUN + "\",\"channels\":[\"" + PARTNER + "\"]}");
    assertEquals(201, issued.statusCode(), text(issued));
    key = json(issued).get("key").asText();
    String partnerOnly =
        "{\"channelsAllowed\":[\"" + PARTNER + "\"],\"translations\":{\"vi\":{\"title\":\"Đối tác ";
    partnerPhoto = upload(partnerOnly + RUN + "\"}}}", 611);
    otherPartnerPhoto = upload(partnerOnly + "2 " + RUN + "\"}}}", 612);
    openPhoto = upload("{\"translations\":{\"vi\":{\"title\":\"Mở " + RUN + "\"}}}", 613);
    partnerStory = story("Ảnh đối tác " + RUN, partnerPhoto, null, true);
    openStory = story("Ảnh mở " + RUN, openPhoto, null, true);
  }

  @Test
  void aPartnerOnlyFileAnswersTheKeyAndTheSignedUrlOnly() {
    String file = PUBLIC + "media/" + partnerPhoto;
    for (String path : List.of("/original", "/renditions/thumb", "/renditions/card")) {
      HttpResponse<byte[]> anonymous = get(file + path + "?channel=" + PARTNER, null);
      assertProblem(anonymous, 401);
      assertTrue(text(anonymous).contains("X-Api-Key"), text(anonymous));
      HttpResponse<byte[]> keyed = get(file + path + "?channel=" + PARTNER, key);
      assertEquals(200, keyed.statusCode(), text(keyed));
      assertTrue(
          header(keyed, "Cache-Control").startsWith("private"), header(keyed, "Cache-Control"));
    }
    // Without the channel the plain URL stays closed, as before.
    assertProblem(get(file + "/original", null), 404);

    List<String> urls = new ArrayList<>();
    String channelItem = PUBLIC + "stories/" + partnerStory + "?channel=" + PARTNER;
    urls.addAll(fileUrls(body(get(channelItem, key)), partnerPhoto));
    urls.addAll(fileUrls(body(get(channelItem + "&format=ninjs", key)), partnerPhoto));
    urls.addAll(fileUrls(body(get(channelItem, key, "application/ld+json")), partnerPhoto));
    String feeds = PUBLIC + "channels/" + PARTNER + "/";
    urls.addAll(fileUrls(body(get(feeds + "feed.json", key)), partnerPhoto));
    urls.addAll(fileUrls(body(get(feeds + "feed.ninjs", key)), partnerPhoto));
    urls.addAll(fileUrls(body(get(feeds + "playlist.json", key)), partnerPhoto));
    urls.addAll(fileUrls(body(get(feeds + "sync", key)), partnerPhoto));
    urls.addAll(enclosures(get(feeds + "feed.atom", key), partnerPhoto));
    assertTrue(urls.size() >= 10, urls.toString());
    for (String url : urls) {
      assertTrue(url.contains("signature="), url);
      HttpResponse<byte[]> signed = get(DeliveryApiIT.relative(url), null);
      assertEquals(200, signed.statusCode(), url + " " + text(signed));
      String cache = header(signed, "Cache-Control");
      assertTrue(cache.startsWith("private, max-age="), cache);
      long maxAge = Long.parseLong(cache.substring("private, max-age=".length()));
      assertTrue(maxAge > Duration.ofHours(23).toSeconds(), cache);
      assertTrue(maxAge <= Duration.ofHours(25).toSeconds(), cache);
    }
    // The same URLs again a moment later: cacheable, not new each time.
    assertEquals(urls.get(0), fileUrls(body(get(channelItem, key)), partnerPhoto).get(0));
  }

  @Test
  void aChangedOrExpiredSignatureOpensNothing() {
    String item = PUBLIC + "stories/" + partnerStory + "?channel=" + PARTNER;
    String thumb = null;
    for (String url : fileUrls(body(get(item, key)), partnerPhoto)) {
      if (url.contains("/renditions/thumb?")) {
        thumb = DeliveryApiIT.relative(url);
      }
    }
    assertTrue(thumb != null && thumb.contains("signature="), String.valueOf(thumb));
    String expires = parameter(thumb, "expires");
    String signature = parameter(thumb, "signature");
    char last = signature.charAt(signature.length() - 1);
    List<String> forged =
        List.of(
            thumb.replace(
                signature,
                signature.substring(0, signature.length() - 1) + (last == 'A' ? 'B' : 'A')),
            thumb.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) + 3600)),
            thumb.replace("/renditions/thumb?", "/renditions/hero?"),
            thumb.replace("/renditions/thumb?", "/original?"),
            thumb.replace(partnerPhoto, otherPartnerPhoto),
            thumb.replace("signature=" + signature, "signature="),
            thumb.replace("&signature=" + signature, ""));
    for (String url : forged) {
      assertProblem(get(url, null), 401);
    }
    // Rightly signed with the server's secret, but the time is past.
    long past = Instant.now().minus(Duration.ofMinutes(5)).getEpochSecond();
    String path = "media/" + partnerPhoto + "/renditions/thumb";
    String expired =
        PUBLIC
            + path
            + "?channel="
            + PARTNER
            + "&expires="
            + past
            + "&signature="
            + sign("lao-cai\n" + partnerPhoto + "\nrenditions/thumb\n" + PARTNER + "\n" + past);
    HttpResponse<byte[]> refused = get(expired, null);
    assertProblem(refused, 401);
    assertTrue(text(refused).contains("expired"), text(refused));
    // The same, still valid: the signature scheme is the one the server checks.
    long future = Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond();
    String valid =
        PUBLIC
            + path
            + "?channel="
            + PARTNER
            + "&expires="
            + future
            + "&signature="
            + sign("lao-cai\n" + partnerPhoto + "\nrenditions/thumb\n" + PARTNER + "\n" + future);
    assertEquals(200, get(valid, null).statusCode());
    // A signature opens its own channel only.
    assertProblem(get(valid.replace("channel=" + PARTNER, "channel=" + OPEN), null), 404);
  }

  /**
   * A wrong signature is no guess worth counting: an HMAC-SHA256 under a 256-bit secret cannot be
   * guessed, and the stale URLs of one old page (or a changed secret) must not lock out the address
   * its readers share. So many wrong signatures from one address (127.0.0.4, apart from the other
   * tests) leave its partner key working there.
   */
  @Test
  void wrongSignaturesDoNotThrottleTheAddress() {
    String item = PUBLIC + "stories/" + partnerStory + "?channel=" + PARTNER;
    String thumb = null;
    for (String url : fileUrls(body(get(item, key)), partnerPhoto)) {
      if (url.contains("/renditions/thumb?")) {
        thumb = DeliveryApiIT.relative(url);
      }
    }
    assertTrue(thumb != null && thumb.contains("signature="), String.valueOf(thumb));
    String signature = parameter(thumb, "signature");
    String reader = "127.0.0.4";
    for (int i = 0; i < 25; i++) {
      String wrong = thumb.replace(signature, signature.substring(0, 40) + "guess" + i);
      RawHttp.Reply refused = RawHttp.get(DeliveryApiIT.base, reader, wrong, List.of());
      assertEquals(401, refused.status(), refused.toString());
    }
    assertEquals(200, RawHttp.get(DeliveryApiIT.base, reader, thumb, List.of()).status());
    RawHttp.Reply keyed =
        RawHttp.get(
            DeliveryApiIT.base,
            reader,
            PUBLIC + "media/" + partnerPhoto + "/renditions/thumb?channel=" + PARTNER,
            List.of("X-Api-Key: " + key));
    assertEquals(200, keyed.status(), keyed.toString());
  }

  @Test
  void publicChannelsKeepPlainUrls() {
    List<String> answers =
        List.of(
            body(get(PUBLIC + "stories/" + openStory + "?channel=" + OPEN, null)),
            body(get(PUBLIC + "stories/" + openStory, null)),
            body(get(PUBLIC + "channels/" + OPEN + "/feed.json", null)),
            body(get(PUBLIC + "channels/" + OPEN + "/playlist.json", null)));
    for (String answer : answers) {
      List<String> urls = fileUrls(answer, openPhoto);
      assertFalse(urls.isEmpty(), answer);
      for (String url : urls) {
        assertFalse(url.contains("signature"), url);
        assertFalse(url.contains("expires"), url);
        HttpResponse<byte[]> file = get(DeliveryApiIT.relative(url), null);
        assertEquals(200, file.statusCode(), url);
        assertTrue(header(file, "Cache-Control").startsWith("public"), url);
      }
    }
    assertTrue(
        fileUrls(answers.get(0), openPhoto).get(0).endsWith("/original?channel=" + OPEN),
        answers.get(0));
  }

  /** Every URL of the media asset's files in an answer. */
  private static List<String> fileUrls(String answer, String media) {
    List<String> found = new ArrayList<>();
    collect(tree(answer), "/media/" + media + "/", found);
    return found;
  }

  /** The Atom feed's enclosure links to the media asset's files. */
  private static List<String> enclosures(HttpResponse<byte[]> atom, String media) {
    assertEquals(200, atom.statusCode(), text(atom));
    List<String> found = new ArrayList<>();
    try {
      NodeList links = DeliveryApiIT.xml(atom.body()).getElementsByTagName("link");
      for (int i = 0; i < links.getLength(); i++) {
        String href = ((Element) links.item(i)).getAttribute("href");
        if (href.contains("/media/" + media + "/")) {
          found.add(href);
        }
      }
    } catch (Exception e) {
      throw new AssertionError(text(atom), e);
    }
    assertFalse(found.isEmpty(), text(atom));
    return found;
  }

  private static void collect(JsonNode node, String marker, List<String> found) {
    if (node.isTextual() && node.asText().contains(marker)) {
      found.add(node.asText());
    }
    node.forEach(child -> collect(child, marker, found));
  }

  private static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(json, e);
    }
  }

  private static String parameter(String url, String name) {
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError(name + " not in " + url);
  }

  /** HMAC-SHA256 with the test server's secret, base64url without padding. */
  private static String sign(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              PayaraServer.MEDIA_URL_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(HttpResponse<byte[]> response) {
    assertEquals(200, response.statusCode(), text(response));
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static String header(HttpResponse<byte[]> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  private static HttpResponse<byte[]> get(String path, String apiKey) {
    return get(path, apiKey, null);
  }

  private static HttpResponse<byte[]> get(String path, String apiKey, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(DeliveryApiIT.base.resolve(path)).GET();
    if (apiKey != null) {
      request.header("X-Api-Key", apiKey);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    return MediaApiIT.sendAnonymous(request);
  }
}
