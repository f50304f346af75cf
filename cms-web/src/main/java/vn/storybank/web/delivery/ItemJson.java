package vn.storybank.web.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.delivery.DeliveredItem;
import vn.storybank.core.json.Json;

/**
 * The delivery API's JSON for one item: its text in the served locale, which locale that is and
 * whether it was a fallback, the locales it exists in, labelled terms, the type's own fields, and
 * the media to show with absolute rendition URLs and credits.
 */
final class ItemJson {
  static final List<String> IMAGE_PRESETS = List.of("thumb", "card", "hero", "social", "square");
  private static final ObjectMapper JSON = Json.mapper();

  private ItemJson() {}

  static ObjectNode of(DeliveredItem item, Links links) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", item.id().toString());
    node.put("type", item.type().code());
    if (item.kind() != null) {
      node.put("kind", item.kind());
    }
    node.put("url", links.item(item));
    node.put("locale", item.locale());
    node.put("requestedLocale", item.requestedLocale());
    node.put("fallback", item.fallback());
    node.put("version", item.version());
    DeliveredItem.Text text = item.text();
    putText(node, "title", text.title());
    putText(node, "subtitle", text.subtitle());
    putText(node, "summary", text.summary());
    putText(node, "body", text.body());
    putText(node, "slug", text.slug());
    putText(node, "caption", text.caption());
    putText(node, "altText", text.altText());
    putText(node, "seoTitle", text.seoTitle());
    putText(node, "seoDescription", text.seoDescription());
    if (!text.keywords().isEmpty()) {
      node.set("keywords", JSON.valueToTree(text.keywords()));
    }
    node.put("publishedAt", text.publishedAt() == null ? null : text.publishedAt().toString());
    node.put("updatedAt", item.updatedAt().toString());
    ObjectNode locales = node.putObject("availableLocales");
    item.availableLocales()
        .forEach(
            (locale, slug) ->
                locales.put(locale, links.item(item.type(), item.id(), slug, locale)));
    ObjectNode terms = node.putObject("terms");
    for (DeliveredItem.Label label : item.terms()) {
      ArrayNode list =
          terms.has(label.kind())
              ? (ArrayNode) terms.get(label.kind())
              : terms.putArray(label.kind());
      list.addObject().put("code", label.code()).put("label", label.label());
    }
    if (item.latitude() != null) {
      node.putObject("geo").put("lat", item.latitude()).put("lon", item.longitude());
    }
    item.attributes().json().forEach((key, value) -> node.set(key, JSON.valueToTree(value)));
    ArrayNode media = node.putArray("media");
    item.media().forEach(m -> media.add(media(m, links)));
    if (!item.related().isEmpty()) {
      ObjectNode related = node.putObject("related");
      for (Map.Entry<String, List<UUID>> role : item.related().entrySet()) {
        ArrayNode ids = related.putArray(role.getKey());
        role.getValue().forEach(id -> ids.add(id.toString()));
      }
    }
    return node;
  }

  static ObjectNode media(DeliveredItem.DeliveredMedia m, Links links) {
    ObjectNode node = JSON.createObjectNode();
    node.put("role", m.role());
    node.put("id", m.id().toString());
    putText(node, "mediaType", m.mediaType());
    putText(node, "contentType", m.contentType());
    if (m.width() != null) {
      node.put("width", m.width()).put("height", m.height());
    }
    if (m.durationMs() != null) {
      node.put("durationMs", m.durationMs());
    }
    putText(node, "caption", m.caption());
    putText(node, "altText", m.altText());
    putText(node, "credit", m.credit());
    putText(node, "copyrightHolder", m.copyrightHolder());
    putText(node, "licence", m.licence());
    putText(node, "licenceUrl", m.licenceUrl());
    node.put("original", links.original(m.id()));
    if (m.isImage()) {
      ObjectNode renditions = node.putObject("renditions");
      IMAGE_PRESETS.forEach(preset -> renditions.put(preset, links.rendition(m.id(), preset)));
    }
    return node;
  }

  /** A line that credits a media asset: "Photo: credit / © holder / licence". */
  static String creditLine(DeliveredItem.DeliveredMedia m) {
    StringBuilder line = new StringBuilder();
    if (m.credit() != null) {
      line.append(m.credit());
    }
    if (m.copyrightHolder() != null) {
      line.append(line.isEmpty() ? "" : " / ").append("© ").append(m.copyrightHolder());
    }
    if (m.licence() != null) {
      line.append(line.isEmpty() ? "" : " / ").append(m.licence());
    }
    return line.isEmpty() ? null : line.toString();
  }

  private static void putText(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
