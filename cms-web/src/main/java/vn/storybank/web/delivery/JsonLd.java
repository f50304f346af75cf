package vn.storybank.web.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.storybank.core.delivery.DeliveredItem;
import vn.storybank.core.entrytype.ProductFields;
import vn.storybank.core.entrytype.StoryFields;
import vn.storybank.core.json.Json;

/**
 * schema.org JSON-LD for an item: Article for stories (TouristAttraction for places people visit,
 * Event for a festival or event with a date), Product for OCOP products with their offers,
 * ImageObject / VideoObject / AudioObject for media with credit, copyright and licence,
 * CreativeWork for collections. Every type and property is schema.org's, in its domain and range
 * (SchemaOrgTest and JsonLdApiIT check them against the vocabulary); no value is ever null.
 */
final class JsonLd {
  static final String MEDIA_TYPE = "application/ld+json";
  private static final ObjectMapper JSON = Json.mapper();
  private static final Set<String> ATTRACTIONS = Set.of("destination", "historical-relic");
  private static final Set<String> EVENTS = Set.of("festival-event");

  /** Writes JSON that can sit inside an HTML script element (see {@link ScriptSafe}). */
  private static final ObjectWriter WRITER = JSON.writer().with(new ScriptSafe());

  private JsonLd() {}

  /** The item's JSON-LD as sent: every JSON-LD answer is written here, escaped for HTML. */
  static byte[] bytes(DeliveredItem item, String publisher, Links links) {
    try {
      return WRITER.writeValueAsBytes(of(item, publisher, links));
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

  static ObjectNode of(DeliveredItem item, String publisher, Links links) {
    ObjectNode node = JSON.createObjectNode();
    node.put("@context", "https://schema.org");
    DeliveredItem.Text text = item.text();
    String url = links.item(item);
    // Which schema.org type decides which properties may follow: each is put only where the
    // type's domain has it (inLanguage and publisher on creative works and events, geo on
    // places), so that a partner's validator finds nothing out of place.
    Family family =
        switch (item.type()) {
          case STORY -> {
            if (eventDate(item) != null) {
              node.put("@type", "Event");
              optional(node, "name", text.title());
              node.put("startDate", eventDate(item).toString());
              yield Family.EVENT;
            } else if (ATTRACTIONS.contains(item.kind()) && item.latitude() != null) {
              node.put("@type", "TouristAttraction");
              optional(node, "name", text.title());
              yield Family.PLACE;
            }
            node.put("@type", "Article");
            optional(node, "headline", text.title());
            yield Family.CREATIVE_WORK;
          }
          case PRODUCT -> {
            node.put("@type", "Product");
            optional(node, "name", text.title());
            if (item.attributes() instanceof ProductFields product) {
              // A producer is a cooperative, a company or a household business: manufacturer's
              // range is Organization alone.
              node.putObject("manufacturer")
                  .put("@type", "Organization")
                  .put("name", product.producer().name());
              ocop(node, product.ocop());
              offers(node, product);
            }
            yield Family.PRODUCT;
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
            optional(node, "name", text.title());
            if (self != null) {
              node.put("contentUrl", links.original(self.id()));
              if (self.contentType() != null) {
                node.put("encodingFormat", self.contentType());
              }
              if (self.isImage()) {
                node.put("thumbnailUrl", links.rendition(self.id(), "thumb"));
              } else {
                // Search engines want a thumbnail for a VideoObject: the poster is the one it has.
                item.image("poster")
                    .ifPresent(
                        poster -> node.put("thumbnailUrl", links.rendition(poster.id(), "thumb")));
              }
              if (self.width() != null && self.height() != null) {
                node.set("width", pixels(self.width()));
                node.set("height", pixels(self.height()));
              }
              rights(node, self);
            }
            if (text.caption() != null) {
              node.put("caption", text.caption());
            }
            yield Family.CREATIVE_WORK;
          }
          case COLLECTION -> {
            node.put("@type", "CreativeWork");
            optional(node, "name", text.title());
            yield Family.CREATIVE_WORK;
          }
        };
    node.put("@id", url);
    node.put("url", url);
    if (text.summary() != null) {
      node.put("description", text.summary());
    }
    if (family == Family.CREATIVE_WORK || family == Family.EVENT) {
      node.put("inLanguage", item.locale());
    }
    if (family == Family.CREATIVE_WORK) {
      if (text.publishedAt() != null) {
        node.put("datePublished", text.publishedAt().toString());
        node.put("dateModified", item.updatedAt().toString());
      }
      // A story's credit is a free-text byline: nothing in the data says whether it names a
      // person or a body (the demo's is an editorial board), so it is credit text, never a
      // typed author. The tenant publishes, and a tenant is an organisation.
      if (item.attributes() instanceof StoryFields story && story.credit() != null) {
        node.put("creditText", story.credit());
      }
      if (publisher != null) {
        node.putObject("publisher").put("@type", "Organization").put("name", publisher);
      }
    }
    if (family == Family.PLACE) {
      node.set("geo", geo(item.latitude(), item.longitude()));
    } else if (family == Family.CREATIVE_WORK || family == Family.EVENT) {
      ArrayNode places = places(item);
      if (!places.isEmpty()) {
        node.set(family == Family.EVENT ? "location" : "contentLocation", places);
      }
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

  /** A text that may be missing (a photo need not have a title): left out, never null. */
  private static void optional(ObjectNode node, String property, String text) {
    if (text != null && !text.isBlank()) {
      node.put(property, text);
    }
  }

  /** What a schema.org type allows: its properties follow the family it belongs to. */
  private enum Family {
    CREATIVE_WORK,
    EVENT,
    PLACE,
    PRODUCT
  }

  /** A festival or event with a date is an Event; without one it is told as an Article. */
  private static LocalDate eventDate(DeliveredItem item) {
    return EVENTS.contains(item.kind()) && item.attributes() instanceof StoryFields story
        ? story.eventDate()
        : null;
  }

  /**
   * The entry's places, each a Place with its coordinates when the term has them; the entry's own
   * point, when no place term gave one, as a Place of its own.
   */
  private static ArrayNode places(DeliveredItem item) {
    ArrayNode places = JSON.createArrayNode();
    boolean located = false;
    for (DeliveredItem.Label label : item.terms()) {
      if (label.kind().equals("places")) {
        ObjectNode place = places.addObject().put("@type", "Place").put("name", label.label());
        if (label.latitude() != null && label.longitude() != null) {
          place.set("geo", geo(label.latitude(), label.longitude()));
          located = true;
        }
      }
    }
    if (!located && item.latitude() != null && item.longitude() != null) {
      places.addObject().put("@type", "Place").set("geo", geo(item.latitude(), item.longitude()));
    }
    return places;
  }

  private static ObjectNode geo(double latitude, double longitude) {
    return JSON.createObjectNode()
        .put("@type", "GeoCoordinates")
        .put("latitude", latitude)
        .put("longitude", longitude);
  }

  /** width and height take a Distance or a QuantitativeValue: pixels are UN/CEFACT code E37. */
  private static ObjectNode pixels(int value) {
    return JSON.createObjectNode()
        .put("@type", "QuantitativeValue")
        .put("value", value)
        .put("unitCode", "E37")
        .put("unitText", "px");
  }

  /**
   * An Offer with the price (an AggregateOffer for a range) and currency when the product has them,
   * one for each place to buy with its URL; no offers at all when it has neither. Nothing says
   * whether it is in stock, so no availability is claimed.
   */
  private static void offers(ObjectNode node, ProductFields product) {
    ProductFields.Price price = product.price();
    boolean priced =
        price != null && price.currency() != null && (price.min() != null || price.max() != null);
    List<String> urls =
        product.whereToBuy().stream()
            .map(ProductFields.WhereToBuy::url)
            .filter(JsonLd::isUrl)
            .toList();
    if (!priced && urls.isEmpty()) {
      return;
    }
    ArrayNode offers = node.putArray("offers");
    for (String where : urls.isEmpty() ? java.util.Collections.<String>singletonList(null) : urls) {
      ObjectNode offer = offers.addObject();
      if (priced) {
        Long low = price.min() != null ? price.min() : price.max();
        Long high = price.max() != null ? price.max() : price.min();
        if (low.equals(high)) {
          offer.put("@type", "Offer").put("price", low);
        } else {
          offer.put("@type", "AggregateOffer").put("lowPrice", low).put("highPrice", high);
        }
        offer.put("priceCurrency", price.currency());
      } else {
        offer.put("@type", "Offer");
      }
      if (where != null) {
        offer.put("url", where);
      }
    }
  }

  private static void ocop(ObjectNode node, ProductFields.Ocop ocop) {
    if (ocop == null || ocop.stars() == null) {
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

  /**
   * Credit, copyright holder and licence. license takes a URL: the licence's own URL, or the
   * Creative Commons deed of a licence named like "CC BY 4.0"; other licence text has no URL, so it
   * goes into copyrightNotice after the holder's notice.
   */
  private static void rights(ObjectNode node, DeliveredItem.DeliveredMedia m) {
    if (m.credit() != null) {
      node.put("creditText", m.credit());
    }
    List<String> notice = new ArrayList<>();
    if (m.copyrightHolder() != null) {
      node.putObject("copyrightHolder")
          .put("@type", "Organization")
          .put("name", m.copyrightHolder());
      notice.add("© " + m.copyrightHolder());
    }
    String licence = isUrl(m.licenceUrl()) ? m.licenceUrl() : Licences.url(m.licence());
    if (licence != null) {
      node.put("license", licence);
    } else if (m.licence() != null) {
      notice.add(m.licence());
    }
    if (!notice.isEmpty()) {
      node.put("copyrightNotice", String.join(". ", notice));
    }
  }

  private static boolean isUrl(String text) {
    if (text == null) {
      return false;
    }
    try {
      URI uri = new URI(text);
      return uri.getHost() != null
          && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
