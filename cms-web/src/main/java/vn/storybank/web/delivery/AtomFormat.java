package vn.storybank.web.delivery;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.storybank.core.delivery.DeliveredItem;
import vn.storybank.core.json.Characters;

/**
 * Atom 1.0 (RFC 4287) with {@code xml:lang} on every entry (a fallback entry is in another language
 * than the one asked for) and on the feed when all its entries share one, alternates per
 * translation, and enclosures with credits.
 */
final class AtomFormat implements FeedFormat {
  static final String NS = "http://www.w3.org/2005/Atom";
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  @Override
  public String code() {
    return "atom";
  }

  @Override
  public String mediaType() {
    return "application/atom+xml; charset=utf-8";
  }

  @Override
  public byte[] render(Feed feed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace(NS);
      if (feed.language() != null) {
        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", feed.language());
      }
      // One feed whatever the page and its size.
      element(xml, "id", feed.self().replaceAll("&(?:cursor|limit)=[^&]*", ""));
      element(xml, "title", feed.title());
      element(xml, "updated", date(feed.updated()));
      xml.writeStartElement("author");
      element(xml, "name", feed.tenantName());
      xml.writeEndElement();
      link(xml, "self", feed.self(), "application/atom+xml", null);
      if (feed.next() != null) {
        link(xml, "next", feed.next(), "application/atom+xml", null);
      }
      for (DeliveredItem item : feed.items()) {
        entry(xml, item, feed);
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Writing XML to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  private static void entry(XMLStreamWriter xml, DeliveredItem item, Feed feed)
      throws XMLStreamException {
    Links links = feed.links();
    DeliveredItem.Text text = item.text();
    xml.writeStartElement("entry");
    xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", item.locale());
    element(xml, "id", "urn:uuid:" + item.id());
    element(xml, "title", text.title() == null ? "" : text.title());
    element(xml, "updated", date(item.updatedAt()));
    if (text.publishedAt() != null) {
      element(xml, "published", date(text.publishedAt()));
    }
    link(xml, "alternate", links.item(item), "application/json", item.locale());
    for (var other : item.availableLocales().entrySet()) {
      if (!other.getKey().equals(item.locale())) {
        link(
            xml,
            "alternate",
            links.item(item.type(), item.id(), other.getValue(), other.getKey()),
            "application/json",
            other.getKey());
      }
    }
    for (DeliveredItem.DeliveredMedia m : item.media()) {
      String href =
          m.isImage()
              ? links.rendition(m.id(), feed.channel().preset("hero", "hero"))
              : links.original(m.id());
      xml.writeEmptyElement("link");
      xml.writeAttribute("rel", "enclosure");
      xml.writeAttribute("href", href);
      xml.writeAttribute("type", m.isImage() ? "image/jpeg" : m.contentType());
      String credit = ItemJson.creditLine(m);
      if (credit != null) {
        xml.writeAttribute("title", Characters.xmlSafe(credit));
      }
    }
    for (DeliveredItem.Label label : item.terms()) {
      xml.writeEmptyElement("category");
      xml.writeAttribute("term", label.code());
      xml.writeAttribute("scheme", links.api() + "/taxonomies/" + label.kind());
      xml.writeAttribute("label", Characters.xmlSafe(label.label()));
    }
    if (text.summary() != null) {
      element(xml, "summary", text.summary());
    }
    if (text.body() != null && !text.body().isBlank()) {
      xml.writeStartElement("content");
      xml.writeAttribute("type", "html");
      xml.writeCharacters(Characters.xmlSafe(text.body()));
      xml.writeEndElement();
    }
    String credit = item.attributes().credit();
    if (credit != null) {
      xml.writeStartElement("author");
      element(xml, "name", credit);
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String href, String type, String lang)
      throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("href", href);
    xml.writeAttribute("type", type);
    if (lang != null) {
      xml.writeAttribute("hreflang", lang);
    }
  }

  /** Text of rows stored before input was checked may hold characters XML cannot carry. */
  private static void element(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(Characters.xmlSafe(value));
    xml.writeEndElement();
  }

  private static String date(Instant at) {
    return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }
}
