package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.storybank.core.json.Json;

/**
 * Conditional requests (RFC 9110 section 13) as a browser, a CDN or a partner's poller makes them:
 * every answer a client may keep has a validator, and sending it back answers 304 with the headers
 * the 200 would carry and no body; each content coding has its own strong ETag.
 */
@ExtendWith(EmbeddedServer.class)
class HttpCachingApiIT {
  static final String PUBLIC = "api/v1/lao-cai/";
  static final String ADMIN = "api/admin/v1/lao-cai/";
  // No automatic decompression in java.net.http: what arrives is what was sent.
  static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static URI base;
  static String auth;

  /** Public answers with a Last-Modified: feeds of every format, a list, an item. */
  static final List<String> DATED =
      List.of(
          PUBLIC + "channels/vi-portal/feed.json?limit=5",
          PUBLIC + "channels/vi-portal/feed.atom?limit=5",
          PUBLIC + "channels/vi-portal/feed.ninjs?limit=5",
          PUBLIC + "stories?limit=5");

  @BeforeAll
  static void connect(PayaraServer server) {
    base = server.base();
    auth = Api.basic("admin", PayaraServer.ADMIN_PASSWORD);
    CompressionApiIT.base = base;
    CompressionApiIT.auth = auth;
  }

  @Test
  void ifModifiedSinceTheLastModifiedAnswers304() {
    for (String url : DATED) {
      HttpResponse<byte[]> first = get(url, Map.of());
      assertEquals(200, first.statusCode(), url);
      String lastModified = header(first, "Last-Modified");
      assertNotNull(lastModified, url + " has a Last-Modified");
      HttpResponse<byte[]> same = get(url, Map.of("If-Modified-Since", lastModified));
      assertNotModified(first, same, url + " If-Modified-Since its Last-Modified");
      String later =
          DateTimeFormatter.RFC_1123_DATE_TIME.format(
              ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).plusDays(1));
      assertNotModified(
          first, get(url, Map.of("If-Modified-Since", later)), url + " If-Modified-Since later");
      String earlier =
          DateTimeFormatter.RFC_1123_DATE_TIME.format(
              ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME)
                  .minusSeconds(1));
      assertEquals(
          200, get(url, Map.of("If-Modified-Since", earlier)).statusCode(), url + " modified");
      // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
      assertEquals(
          200,
          get(url, Map.of("If-None-Match", "\"other\"", "If-Modified-Since", lastModified))
              .statusCode(),
          url + " with a stale If-None-Match");
    }
  }

  @Test
  void publicSearchAndSyncHaveStableValidators() {
    for (String url :
        List.of(
            PUBLIC + "search?q=sapa",
            PUBLIC + "search?q=sapa&locale=en&limit=3",
            PUBLIC + "search/suggest?q=sa",
            PUBLIC + "channels/vi-portal/sync?limit=5",
            PUBLIC + "channels/en-portal/sync")) {
      HttpResponse<byte[]> first = get(url, Map.of());
      assertEquals(200, first.statusCode(), url + " " + text(first));
      String etag = header(first, "ETag");
      assertNotNull(etag, url + " has an ETag");
      HttpResponse<byte[]> again = get(url, Map.of());
      assertEquals(etag, header(again, "ETag"), url + ": identical calls, identical ETag");
      assertNotModified(first, get(url, Map.of("If-None-Match", etag)), url);
    }
  }

  @Test
  void eachContentCodingHasItsOwnStrongETag() {
    for (String url :
        List.of(
            PUBLIC + "channels/vi-portal/feed.json?limit=5",
            PUBLIC + "stories?limit=5",
            PUBLIC + "sitemap.xml",
            ADMIN + "stories?limit=5")) {
      boolean admin = url.startsWith(ADMIN);
      HttpResponse<byte[]> plain = get(url, headers(admin, Map.of()));
      HttpResponse<byte[]> gzipped = get(url, headers(admin, Map.of("Accept-Encoding", "gzip")));
      assertEquals(200, plain.statusCode(), url);
      assertEquals("gzip", header(gzipped, "Content-Encoding"), url);
      assertTrue(header(gzipped, "Vary").contains("Accept-Encoding"), url);
      String identityTag = header(plain, "ETag");
      String gzipTag = header(gzipped, "ETag");
      assertNotNull(identityTag, url);
      assertNotNull(gzipTag, url);
      if (!identityTag.startsWith("W/")) {
        assertNotEquals(identityTag, gzipTag, url + ": a strong ETag names one encoding's bytes");
      }
      // Either form sent back validates, whichever encoding the client asks for now.
      for (String tag : List.of(identityTag, gzipTag)) {
        HttpResponse<byte[]> zipped =
            get(url, headers(admin, Map.of("Accept-Encoding", "gzip", "If-None-Match", tag)));
        assertNotModified(gzipped, zipped, url + " gzip, If-None-Match " + tag);
        assertTrue(header(zipped, "Vary").contains("Accept-Encoding"), url + " 304 Vary");
        assertNotModified(
            plain, get(url, headers(admin, Map.of("If-None-Match", tag))), url + " " + tag);
      }
    }
  }

  @Test
  void adminListsAnswer304UntilTheListChangesAndOnlyToWhoMayRead() {
    String url = ADMIN + "stories?limit=5";
    HttpResponse<byte[]> first = get(url, headers(true, Map.of()));
    assertEquals(200, first.statusCode(), text(first));
    String etag = header(first, "ETag");
    assertNotNull(etag, "an admin list has an ETag");
    assertNotModified(first, get(url, headers(true, Map.of("If-None-Match", etag))), url);
    // The permission check runs before any 304.
    assertEquals(401, get(url, Map.of("If-None-Match", etag)).statusCode());
    HttpResponse<byte[]> created =
        send(
            HttpRequest.newBuilder(base.resolve(ADMIN + "stories"))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"festival-event\",\"pillars\":[\"ethnic-identity\"],"
                            + "\"translations\":{\"vi\":{\"title\":\"Lễ hội mới "
                            + System.nanoTime()
                            + "\"}}}",
                        StandardCharsets.UTF_8)));
    assertEquals(201, created.statusCode(), text(created));
    HttpResponse<byte[]> changed = get(url, headers(true, Map.of("If-None-Match", etag)));
    assertEquals(200, changed.statusCode(), "a new story changes the list");
    assertNotEquals(etag, header(changed, "ETag"));
  }

  @Test
  void anEditorsCompressedETagIsAcceptedAsIfMatch() throws IOException {
    String id =
        Json.mapper()
            .readTree(get(ADMIN + "stories?limit=1", headers(true, Map.of())).body())
            .at("/items/0/id")
            .asText();
    HttpResponse<byte[]> read =
        get(ADMIN + "stories/" + id, headers(true, Map.of("Accept-Encoding", "gzip")));
    assertEquals(200, read.statusCode());
    String etag = header(read, "ETag");
    HttpResponse<byte[]> saved =
        send(
            HttpRequest.newBuilder(base.resolve(ADMIN + "stories/" + id))
                .header("Authorization", auth)
                .header("Content-Type", "application/merge-patch+json")
                .header("If-Match", etag)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals(200, saved.statusCode(), etag + " " + text(saved));
  }

  @Test
  void mediaFilesHonourIfRange() {
    String id =
        CompressionApiIT.upload(
            vn.storybank.core.media.TestMedia.jpeg(320, 200), "image/jpeg", "range.jpg");
    String url = PUBLIC + "media/" + id + "/original";
    HttpResponse<byte[]> whole = get(url, Map.of());
    assertEquals(200, whole.statusCode(), url);
    String etag = header(whole, "ETag");
    HttpResponse<byte[]> part = get(url, Map.of("Range", "bytes=0-9", "If-Range", etag));
    assertEquals(206, part.statusCode(), "If-Range with the current ETag: the range");
    HttpResponse<byte[]> stale = get(url, Map.of("Range", "bytes=0-9", "If-Range", "\"old\""));
    assertEquals(200, stale.statusCode(), "If-Range with another ETag: the whole file");
    assertEquals(whole.body().length, stale.body().length);
    assertNotModified(whole, get(url, Map.of("If-None-Match", etag)), url);
  }

  // ---------------------------------------------------------------- helpers

  /** A 304 carries the validators and caching headers the 200 carried, and no body. */
  static void assertNotModified(HttpResponse<byte[]> ok, HttpResponse<byte[]> reply, String what) {
    assertEquals(304, reply.statusCode(), what + ": " + text(reply));
    assertEquals(0, reply.body().length, what);
    for (String name : List.of("ETag", "Cache-Control", "Last-Modified", "Vary")) {
      assertEquals(header(ok, name), header(reply, name), what + ": " + name);
    }
    assertNull(header(reply, "Content-Encoding"), what);
  }

  static Map<String, String> headers(boolean admin, Map<String, String> more) {
    if (!admin) {
      return more;
    }
    Map<String, String> all = new java.util.LinkedHashMap<>(more);
    all.put("Authorization", auth);
    return all;
  }

  static HttpResponse<byte[]> get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    headers.forEach(request::header);
    return send(request);
  }

  static HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every value of the header, joined as one (Vary may come in several lines). */
  static String header(HttpResponse<byte[]> response, String name) {
    List<String> values = response.headers().allValues(name);
    return values.isEmpty() ? null : String.join(", ", values);
  }

  static String text(HttpResponse<byte[]> response) {
    return response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8);
  }
}
