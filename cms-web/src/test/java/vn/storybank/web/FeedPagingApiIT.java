package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.storybank.core.json.Json;

/**
 * Feeds as a feed reader pages through them and reads their language: every next link keeps the
 * page size and the locale asked for, and a feed claims only the languages it holds.
 */
@ExtendWith(EmbeddedServer.class)
class FeedPagingApiIT {
  static final String CHANNELS = "api/v1/lao-cai/channels/";
  static final String XML = "http://www.w3.org/XML/1998/namespace";
  static final String ATOM = "http://www.w3.org/2005/Atom";

  @BeforeAll
  static void connect(PayaraServer server) {
    HttpCachingApiIT.connect(server);
  }

  @Test
  void everyNextLinkKeepsTheLimitAndTheLocale() throws Exception {
    // JSON Feed next_url, ninjs next, Atom rel=next: page 2 has as many items as page 1.
    for (String feed : List.of("feed.json", "feed.ninjs", "feed.atom")) {
      String first = CHANNELS + "vi-portal/" + feed + "?limit=7&locale=vi";
      HttpResponse<byte[]> one = get(first);
      String next = next(feed, one);
      assertNotNull(next, feed + " has a second page");
      assertTrue(next.contains("limit=7"), feed + " next link keeps limit: " + next);
      assertTrue(next.contains("locale=vi"), feed + " next link keeps locale: " + next);
      HttpResponse<byte[]> two = get(relative(next));
      assertEquals(200, two.statusCode(), next);
      assertEquals(7, count(feed, two), feed + " page 2 holds 7 items like page 1");
      assertValid(feed, two);
    }
    // Sync's nextUrl keeps the page size too.
    JsonNode sync = json(get(CHANNELS + "vi-portal/sync?limit=7"));
    assertEquals(7, sync.get("items").size());
    String nextUrl = sync.get("nextUrl").asText();
    assertTrue(nextUrl.contains("limit=7"), nextUrl);
    assertEquals(7, json(get(relative(nextUrl))).get("items").size(), nextUrl);
  }

  @Test
  void aFeedOfFallbacksClaimsTheLanguagesItHolds() throws Exception {
    // No story is translated into Iu Mien: every item is a Vietnamese fallback.
    HttpResponse<byte[]> jsonFeed = get(CHANNELS + "vietnam-vn/feed.json?locale=ium&limit=50");
    assertEquals(200, jsonFeed.statusCode());
    JsonNode feed = json(jsonFeed);
    Set<String> languages = new LinkedHashSet<>();
    feed.get("items").forEach(i -> languages.add(i.get("language").asText()));
    assertFalse(languages.contains("ium"), languages.toString());
    assertFalse(
        "ium".equals(feed.path("language").asText()), "the feed does not claim Iu Mien: " + feed);
    assertEquals(languages, contentLanguages(jsonFeed), "Content-Language: what the items are in");
    assertTrue(feed.get("feed_url").asText().contains("locale=ium"), "the locale asked stays");
    assertValid("feed.json", jsonFeed);

    HttpResponse<byte[]> ninjs = get(CHANNELS + "vietnam-vn/feed.ninjs?locale=ium&limit=50");
    JsonNode page = json(ninjs);
    page.get("items").forEach(i -> assertEquals("vi", i.get("language").asText()));
    assertFalse("ium".equals(page.path("language").asText()), page.path("language").toString());
    assertEquals(Set.of("vi"), contentLanguages(ninjs));

    // An English feed with Vietnamese fallbacks: Atom says each entry's language, and the feed's
    // only when every entry shares it.
    HttpResponse<byte[]> atom = get(CHANNELS + "en-portal/feed.atom?locale=en&limit=50");
    Document xml = xml(atom.body());
    Set<String> entryLanguages = new LinkedHashSet<>();
    NodeList entries = xml.getElementsByTagNameNS(ATOM, "entry");
    for (int i = 0; i < entries.getLength(); i++) {
      entryLanguages.add(((Element) entries.item(i)).getAttributeNS(XML, "lang"));
    }
    assertFalse(entryLanguages.contains(""), "every entry has xml:lang");
    String feedLanguage = xml.getDocumentElement().getAttributeNS(XML, "lang");
    if (entryLanguages.size() > 1) {
      assertEquals("", feedLanguage, "a mixed feed claims no language: " + entryLanguages);
    } else {
      assertEquals(entryLanguages.iterator().next(), feedLanguage);
    }
    assertEquals(entryLanguages, contentLanguages(atom));
    assertValid("feed.atom", atom);

    // The item API's lists say the same.
    HttpResponse<byte[]> list = get("api/v1/lao-cai/stories?locale=ium&limit=10");
    Set<String> listed = new LinkedHashSet<>();
    json(list).get("items").forEach(i -> listed.add(i.get("locale").asText()));
    assertEquals(listed, contentLanguages(list), "a list's Content-Language: " + listed);
  }

  // ---------------------------------------------------------------- helpers

  static Set<String> contentLanguages(HttpResponse<byte[]> response) {
    String header = HttpCachingApiIT.header(response, "Content-Language");
    Set<String> tags = new LinkedHashSet<>();
    if (header != null) {
      Arrays.stream(header.split(",")).map(String::trim).forEach(tags::add);
    }
    return tags;
  }

  static String next(String feed, HttpResponse<byte[]> page) throws Exception {
    assertEquals(200, page.statusCode(), HttpCachingApiIT.text(page));
    if (feed.equals("feed.atom")) {
      NodeList links = xml(page.body()).getElementsByTagNameNS(ATOM, "link");
      for (int i = 0; i < links.getLength(); i++) {
        Element link = (Element) links.item(i);
        if (link.getAttribute("rel").equals("next")
            && link.getParentNode().getLocalName().equals("feed")) {
          return link.getAttribute("href");
        }
      }
      return null;
    }
    JsonNode next = json(page).get(feed.equals("feed.json") ? "next_url" : "next");
    return next == null || next.isNull() ? null : next.asText();
  }

  static int count(String feed, HttpResponse<byte[]> page) throws Exception {
    if (feed.equals("feed.atom")) {
      return xml(page.body()).getElementsByTagNameNS(ATOM, "entry").getLength();
    }
    return json(page).get("items").size();
  }

  static void assertValid(String feed, HttpResponse<byte[]> page) throws IOException {
    List<String> errors =
        switch (feed) {
          case "feed.json" -> FeedSchemas.jsonFeed(json(page));
          case "feed.atom" -> FeedSchemas.atom(page.body());
          default -> {
            List<String> all = new java.util.ArrayList<>();
            json(page).get("items").forEach(i -> all.addAll(FeedSchemas.ninjs(i)));
            yield all;
          }
        };
    assertEquals(List.of(), errors, feed);
  }

  static Document xml(byte[] bytes) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(HttpCachingApiIT.text(response), e);
    }
  }

  static HttpResponse<byte[]> get(String path) {
    return HttpCachingApiIT.get(path, Map.of());
  }

  static String relative(String absolute) {
    URI base = HttpCachingApiIT.base;
    assertTrue(absolute.startsWith(base.toString()), absolute);
    return absolute.substring(base.toString().length());
  }
}
