package vn.storybank.web.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import vn.storybank.core.delivery.DeliveredItem;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.json.Json;

/**
 * IPTC ninjs 2.1: one object per entry and language, with provenance for the national platforms
 * (the province as originator, credits, licences, the languages the entry exists in). A list is
 * {@code {"standard":…, "items":[…], "next":…}}, each item a valid ninjs 2.1 object.
 */
final class NinjsFormat implements FeedFormat {
  static final String SCHEMA = "https://www.iptc.org/std/ninjs/ninjs-schema_2.1.json";
  private static final ObjectMapper JSON = Json.mapper();

  @Override
  public String code() {
    return "ninjs";
  }

  @Override
  public String mediaType() {
    return "application/json; charset=utf-8";
  }

  @Override
  public byte[] render(Feed feed) {
    ObjectNode root = JSON.createObjectNode();
    standard(root.putObject("standard"));
    root.put("title", feed.title());
    if (feed.language() != null) {
      root.put("language", feed.language());
    }
    ArrayNode items = root.putArray("items");
    feed.items()
        .forEach(
            item ->
                items.add(
                    item(
                        item,
                        feed.tenantName(),
                        feed.links(),
                        feed.channel().preset("hero", "hero"))));
    root.put("next", feed.next());
    return bytes(root);
  }

  static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A tree always serializes", e);
    }
  }

  private static void standard(ObjectNode standard) {
    standard.put("name", "ninjs").put("version", "2.1").put("schema", SCHEMA);
  }

  static ObjectNode item(DeliveredItem item, String tenantName, Links links, String heroPreset) {
    ObjectNode node = JSON.createObjectNode();
    node.put("uri", links.item(item.type(), item.id(), null, item.locale()));
    node.put("type", type(item));
    node.put("representationtype", "full");
    node.put("profile", "storybank-" + item.type().code());
    standard(node.putObject("standard"));
    node.put("version", Long.toString(item.version()));
    node.put("firstcreated", item.createdAt().toString());
    node.put("versioncreated", item.updatedAt().toString());
    node.put("pubstatus", "usable");
    node.put("language", item.locale());
    DeliveredItem.Text text = item.text();
    if (text.slug() != null) {
      node.put("slugline", text.slug());
    }
    ArrayNode headlines = node.putArray("headlines");
    if (text.title() != null) {
      headlines.addObject().put("role", "main").put("value", text.title());
    }
    if (text.subtitle() != null) {
      headlines.addObject().put("role", "sub").put("value", text.subtitle());
    }
    if (text.summary() != null) {
      node.putArray("descriptions").addObject().put("role", "summary").put("value", text.summary());
    }
    if (text.body() != null && !text.body().isBlank()) {
      node.putArray("bodies")
          .addObject()
          .put("role", "main")
          .put("contenttype", "text/html")
          .put("value", text.body());
    }
    ArrayNode subjects = JSON.createArrayNode();
    ArrayNode places = JSON.createArrayNode();
    for (DeliveredItem.Label label : item.terms()) {
      ObjectNode term = (label.kind().equals("places") ? places : subjects).addObject();
      term.put("name", label.label()).put("literal", label.code()).put("rel", label.kind());
    }
    if (!subjects.isEmpty()) {
      node.set("subjects", subjects);
    }
    if (!places.isEmpty()) {
      node.set("places", places);
    }
    ArrayNode sources = node.putArray("infosources");
    sources.addObject().put("name", tenantName).put("role", "originator").put("uri", links.api());
    ArrayNode altids = node.putArray("altids");
    altids.addObject().put("role", "storybank-id").put("value", item.id().toString());
    for (Map.Entry<String, String> other : item.availableLocales().entrySet()) {
      altids
          .addObject()
          .put("role", "translation:" + other.getKey())
          .put("value", links.item(item.type(), item.id(), null, other.getKey()));
    }
    String credit = item.attributes().credit();
    if (credit != null) {
      node.put("by", credit);
    }
    if (item.type() == EntryType.MEDIA) {
      item.media().stream()
          .filter(m -> m.role().equals("self"))
          .findFirst()
          .ifPresent(self -> rights(node, self, links, heroPreset));
    }
    ArrayNode associations = JSON.createArrayNode();
    for (DeliveredItem.DeliveredMedia m : item.media()) {
      if (m.role().equals("self")) {
        continue;
      }
      ObjectNode media = associations.addObject();
      media.put("name", m.role());
      media.put("uri", links.item(EntryType.MEDIA, m.id(), null, item.locale()));
      media.put("type", m.isImage() ? "picture" : mediaType(m.contentType()));
      if (m.caption() != null) {
        media.putArray("descriptions").addObject().put("role", "caption").put("value", m.caption());
      }
      rights(media, m, links, heroPreset);
    }
    if (!associations.isEmpty()) {
      node.set("associations", associations);
    }
    return node;
  }

  private static void rights(
      ObjectNode node, DeliveredItem.DeliveredMedia m, Links links, String heroPreset) {
    if (m.credit() != null) {
      node.put("by", m.credit());
    }
    if (m.copyrightHolder() != null) {
      node.put("copyrightholder", m.copyrightHolder());
      node.put("copyrightnotice", "© " + m.copyrightHolder());
    }
    if (m.licence() != null) {
      node.put("usageterms", m.licence());
    }
    if (m.licenceUrl() != null) {
      node.putObject("rightsinfo").put("linkedrights", m.licenceUrl());
    }
    ArrayNode renditions = node.putArray("renditions");
    ObjectNode original =
        renditions.addObject().put("name", "original").put("href", links.original(m.id()));
    if (m.contentType() != null) {
      original.put("contenttype", m.contentType());
    }
    if (m.width() != null) {
      original.put("width", m.width()).put("height", m.height());
    }
    if (m.size() != null) {
      original.put("sizeinbytes", m.size());
    }
    if (m.isImage()) {
      renditions
          .addObject()
          .put("name", heroPreset)
          .put("href", links.rendition(m.id(), heroPreset))
          .put("contenttype", "image/jpeg");
      renditions
          .addObject()
          .put("name", "thumb")
          .put("href", links.rendition(m.id(), "thumb"))
          .put("contenttype", "image/jpeg");
    }
  }

  private static String type(DeliveredItem item) {
    if (item.type() != EntryType.MEDIA) {
      return "text";
    }
    return item.media().stream()
        .filter(m -> m.role().equals("self"))
        .findFirst()
        .map(m -> mediaType(m.contentType()))
        .orElse("component");
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "component";
    }
    if (contentType.startsWith("image/")) {
      return "picture";
    }
    if (contentType.startsWith("video/")) {
      return "video";
    }
    if (contentType.startsWith("audio/")) {
      return "audio";
    }
    return "component";
  }
}
