package vn.storybank.web.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.storybank.core.delivery.DeliveredItem;
import vn.storybank.core.entrytype.ProductFields;
import vn.storybank.core.json.Json;

/**
 * JSON Feed 1.1. Item ids are the entries' URNs, which never change; Storybank's own fields sit in
 * the {@code _storybank} extension that readers ignore.
 */
final class JsonFeedFormat implements FeedFormat {
  static final String MEDIA_TYPE = "application/feed+json";
  private static final ObjectMapper JSON = Json.mapper();

  @Override
  public String code() {
    return "jsonfeed";
  }

  @Override
  public String mediaType() {
    return MEDIA_TYPE + "; charset=utf-8";
  }

  @Override
  public byte[] render(Feed feed) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "https://jsonfeed.org/version/1.1");
    root.put("title", feed.title());
    root.put("home_page_url", feed.links().api());
    root.put("feed_url", feed.self());
    if (feed.next() != null) {
      root.put("next_url", feed.next());
    }
    if (feed.language() != null) {
      root.put("language", feed.language());
    }
    root.putArray("authors").addObject().put("name", feed.tenantName());
    ArrayNode items = root.putArray("items");
    for (DeliveredItem item : feed.items()) {
      items.add(item(item, feed));
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A feed built from a tree always serializes", e);
    }
  }

  private static ObjectNode item(DeliveredItem item, Feed feed) {
    Links links = feed.links();
    ObjectNode node = JSON.createObjectNode();
    node.put("id", "urn:uuid:" + item.id());
    node.put("url", links.item(item));
    DeliveredItem.Text text = item.text();
    if (text.title() != null) {
      node.put("title", text.title());
    }
    if (text.summary() != null) {
      node.put("summary", text.summary());
    }
    if (text.body() != null && !text.body().isBlank()) {
      node.put("content_html", text.body());
    } else {
      node.put("content_text", firstNonNull(text.summary(), text.caption(), text.title(), ""));
    }
    String card = feed.channel().preset("card", "card");
    String hero = feed.channel().preset("hero", "hero");
    item.image("self", "hero", "media", "poster")
        .ifPresent(
            image -> {
              node.put("image", links.rendition(image.id(), card));
              node.put("banner_image", links.rendition(image.id(), hero));
            });
    if (text.publishedAt() != null) {
      node.put("date_published", text.publishedAt().toString());
    }
    node.put("date_modified", item.updatedAt().toString());
    node.put("language", item.locale());
    ArrayNode tags = node.putArray("tags");
    item.terms().forEach(t -> tags.add(t.label()));
    ArrayNode attachments = JSON.createArrayNode();
    for (DeliveredItem.DeliveredMedia m : item.media()) {
      if (!m.isImage() && m.contentType() != null) {
        ObjectNode a = attachments.addObject();
        a.put("url", links.original(m.id())).put("mime_type", m.contentType());
        if (m.caption() != null) {
          a.put("title", m.caption());
        }
        if (m.size() != null) {
          a.put("size_in_bytes", m.size());
        }
        if (m.durationMs() != null) {
          a.put("duration_in_seconds", m.durationMs() / 1000);
        }
      }
    }
    if (!attachments.isEmpty()) {
      node.set("attachments", attachments);
    }
    ObjectNode extension = node.putObject("_storybank");
    extension.put("about", links.api().replaceAll("/api/v1/.*$", "/openapi"));
    extension.put("type", item.type().code());
    if (item.kind() != null) {
      extension.put("kind", item.kind());
    }
    extension.put("requestedLocale", item.requestedLocale());
    extension.put("fallback", item.fallback());
    ArrayNode credits = extension.putArray("credits");
    item.media()
        .forEach(
            m -> {
              String line = ItemJson.creditLine(m);
              if (line != null) {
                credits.addObject().put("media", m.id().toString()).put("credit", line);
              }
            });
    if (item.attributes() instanceof ProductFields product && product.ocop() != null) {
      extension.set("ocop", JSON.valueToTree(product.ocop()));
    }
    return node;
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "";
  }
}
