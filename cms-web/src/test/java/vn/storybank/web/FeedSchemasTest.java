package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.storybank.core.json.Json;

/** The validators the feed tests rely on do reject what the specs forbid. */
class FeedSchemasTest {
  @Test
  void jsonFeedNeedsItemsAndAbsoluteUrls() throws Exception {
    assertEquals(
        List.of(),
        FeedSchemas.jsonFeed(
            json(
                "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[{\"id\":\"1\",\"content_text\":\"x\"}]}")));
    assertFalse(
        FeedSchemas.jsonFeed(
                json("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\"}"))
            .isEmpty());
    assertFalse(
        FeedSchemas.jsonFeed(
                json(
                    "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"feed_url\":\"not a url\",\"items\":[]}"))
            .isEmpty());
  }

  @Test
  void ninjsRejectsUnknownPropertiesAndBadDates() throws Exception {
    assertEquals(List.of(), FeedSchemas.ninjs(json("{\"uri\":\"https://example.org/1\"}")));
    assertFalse(
        FeedSchemas.ninjs(json("{\"uri\":\"https://example.org/1\",\"colour\":1}")).isEmpty());
    assertFalse(
        FeedSchemas.ninjs(
                json("{\"uri\":\"https://example.org/1\",\"versioncreated\":\"yesterday\"}"))
            .isEmpty());
  }

  @Test
  void atomNeedsAnIdTitleAndUpdated() {
    String valid =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:x</id><title>t</title>"
            + "<updated>2026-01-01T00:00:00Z</updated><author><name>a</name></author></feed>";
    assertEquals(List.of(), FeedSchemas.atom(valid.getBytes(StandardCharsets.UTF_8)));
    assertFalse(
        FeedSchemas.atom(valid.replace("<id>urn:x</id>", "").getBytes(StandardCharsets.UTF_8))
            .isEmpty());
  }

  @Test
  void sitemapsFollowTheirXsd() {
    String valid =
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://e.org/a</loc></url></urlset>";
    assertEquals(List.of(), FeedSchemas.sitemap(valid.getBytes(StandardCharsets.UTF_8)));
    assertFalse(
        FeedSchemas.sitemap(
                valid
                    .replace("<loc>", "<where>")
                    .replace("</loc>", "</where>")
                    .getBytes(StandardCharsets.UTF_8))
            .isEmpty());
  }

  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }
}
