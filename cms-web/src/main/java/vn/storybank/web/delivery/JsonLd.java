package vn.storybank.web.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import vn.storybank.core.delivery.DeliveredItem;
import vn.storybank.core.entrytype.ProductFields;
import vn.storybank.core.json.Json;

/**
 * schema.org JSON-LD for an item: Article for stories (TouristAttraction for places people visit),
 * Product for OCOP products, ImageObject / VideoObject / AudioObject for media with credit,
 * copyright and licence, CreativeWork for collections.
 */
final class JsonLd {
  static final String MEDIA_TYPE = "application/ld+json";
  private static final ObjectMapper JSON = Json.mapper();
  private static final Set<String> ATTRACTIONS = Set.of("destination", "historical-relic");

  /** Writes JSON that can sit inside an HTML script element (see {@link ScriptSafe}). */
  private static final ObjectWriter WRITER = JSON.writer().with(new ScriptSafe());

  private JsonLd() {}

  /** The item's JSON-LD as sent: every JSON-LD answer is written here, escaped for HTML. */
  static byte[] bytes(DeliveredItem item, Links links) {
    try {
      return WRITER.writeValueAsBytes(of(item, links));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A tree always serializes", e);
    }
  }

  /**
   * Portals paste JSON-LD into {@code <script type="application/ld+json">}, where a title holding
   * {@code </script>} would end the element and let whatever follows run. Escaped as {@code
   * \\u003c}, {@code \\u003e} and {@code \\u0026}, the text means the same to a JSON parser and
   * nothing to HTML; U+2028 and U+2029, which end a line of script in older engines, likewise.
   */
  private static final class ScriptSafe extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final SerializedString LINE = new SerializedString("\\u2028");
    private static final SerializedString PARAGRAPH = new SerializedString("\\u2029");
    private final int[] ascii = standardAsciiEscapesForJSON();

    ScriptSafe() {
      for (char c : new char[] {'<', '>', '&'}) {
        ascii[c] = ESCAPE_STANDARD;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == 0x2028 ? LINE : ch == 0x2029 ? PARAGRAPH : null;
    }
  }

  static ObjectNode of(DeliveredItem item, Links links) {
    ObjectNode node = JSON.createObjectNode();
    node.put("@context", "https://schema.org");
    DeliveredItem.Text text = item.text();
    String url = links.item(item);
    switch (item.type()) {
      case STORY -> {
        boolean place = ATTRACTIONS.contains(item.kind()) && item.latitude() != null;
        node.put("@type", place ? "TouristAttraction" : "Article");
        node.put(place ? "name" : "headline", text.title());
        if (!place && text.publishedAt() != null) {
          node.put("datePublished", text.publishedAt().toString());
          node.put("dateModified", item.updatedAt().toString());
        }
        String credit = item.attributes().credit();
        if (credit != null && !place) {
          node.putObject("author").put("@type", "Person").put("name", credit);
        }
      }
      case PRODUCT -> {
        node.put("@type", "Product");
        node.put("name", text.title());
        if (item.attributes() instanceof ProductFields product) {
          node.putObject("manufacturer")
              .put("@type", "Organization")
              .put("name", product.producer().name());
          ocop(node, product.ocop());
        }
      }
      case MEDIA -> {
        DeliveredItem.DeliveredMedia self =
            item.media().stream().filter(m -> m.role().equals("self")).findFirst().orElse(null);
        String contentType = self == null ? "" : String.valueOf(self.contentType());
        node.put(
            "@type",
            contentType.startsWith("video/")
                ? "VideoObject"
                : contentType.startsWith("audio/") ? "AudioObject" : "ImageObject");
        node.put("name", text.title());
        if (self != null) {
          node.put("contentUrl", links.original(self.id()));
          if (self.isImage()) {
            node.put("thumbnailUrl", links.rendition(self.id(), "thumb"));
          } else {
            // Search engines want a thumbnail for a VideoObject: the poster is the one it has.
            item.image("poster")
                .ifPresent(
                    poster -> node.put("thumbnailUrl", links.rendition(poster.id(), "thumb")));
          }
          if (self.width() != null) {
            node.put("width", self.width()).put("height", self.height());
          }
          rights(node, self);
        }
        if (text.caption() != null) {
          node.put("caption", text.caption());
        }
      }
      case COLLECTION -> {
        node.put("@type", "CreativeWork");
        node.put("name", text.title());
      }
    }
    node.put("@id", url);
    node.put("url", url);
    node.put("inLanguage", item.locale());
    if (text.summary() != null) {
      node.put("description", text.summary());
    }
    if (item.latitude() != null) {
      node.putObject("geo")
          .put("@type", "GeoCoordinates")
          .put("latitude", item.latitude())
          .put("longitude", item.longitude());
    }
    ArrayNode images = JSON.createArrayNode();
    for (DeliveredItem.DeliveredMedia m : item.media()) {
      if (m.isImage() && !m.role().equals("self")) {
        ObjectNode image = images.addObject();
        image.put("@type", "ImageObject");
        image.put("contentUrl", links.rendition(m.id(), "hero"));
        if (m.caption() != null) {
          image.put("caption", m.caption());
        }
        rights(image, m);
      }
    }
    if (!images.isEmpty()) {
      node.set("image", images);
    }
    return node;
  }

  private static void ocop(ObjectNode node, ProductFields.Ocop ocop) {
    if (ocop == null) {
      return;
    }
    ArrayNode properties = node.putArray("additionalProperty");
    properties
        .addObject()
        .put("@type", "PropertyValue")
        .put("name", "OCOP stars")
        .put("value", ocop.stars());
    if (ocop.year() != null) {
      properties
          .addObject()
          .put("@type", "PropertyValue")
          .put("name", "OCOP year")
          .put("value", ocop.year());
    }
  }

  private static void rights(ObjectNode node, DeliveredItem.DeliveredMedia m) {
    if (m.credit() != null) {
      node.put("creditText", m.credit());
    }
    if (m.copyrightHolder() != null) {
      node.putObject("copyrightHolder")
          .put("@type", "Organization")
          .put("name", m.copyrightHolder());
      node.put("copyrightNotice", "© " + m.copyrightHolder());
    }
    if (m.licenceUrl() != null) {
      node.put("license", m.licenceUrl());
    } else if (m.licence() != null) {
      node.put("license", m.licence());
    }
  }
}
