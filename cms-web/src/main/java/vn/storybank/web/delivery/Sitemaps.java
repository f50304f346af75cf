package vn.storybank.web.delivery;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.storybank.core.delivery.DeliveryService;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.Characters;

/**
 * The tenant's sitemap: one URL per live translation, each with hreflang alternates for its other
 * translations and {@code x-default} (the source locale). Past 50,000 URLs the root is a sitemap
 * index over parts that each hold at most 50,000.
 */
final class Sitemaps {
  static final String MEDIA_TYPE = "application/xml; charset=utf-8";
  static final int MAX_URLS = 50_000;
  private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  private final DeliveryService delivery;
  private final Links links;
  private final String tenant;
  private final int entriesPerPart;

  Sitemaps(DeliveryService delivery, Links links, String tenant) {
    this.delivery = delivery;
    this.links = links;
    this.tenant = tenant;
    this.entriesPerPart = Math.max(1, MAX_URLS / Math.max(1, delivery.localeCount(tenant)));
  }

  byte[] root() {
    long entries = delivery.sitemapSize(tenant);
    if (entries <= entriesPerPart) {
      return urlset(delivery.sitemap(tenant, 0, entriesPerPart));
    }
    long parts = (entries + entriesPerPart - 1) / entriesPerPart;
    return write(
        xml -> {
          xml.writeStartElement("sitemapindex");
          xml.writeDefaultNamespace(NS);
          for (long n = 1; n <= parts; n++) {
            xml.writeStartElement("sitemap");
            element(xml, "loc", links.api() + "/sitemap-" + n + ".xml");
            xml.writeEndElement();
          }
          xml.writeEndElement();
        });
  }

  byte[] part(int n) {
    List<DeliveryService.SitemapEntry> entries =
        n < 1 ? List.of() : delivery.sitemap(tenant, (n - 1) * entriesPerPart, entriesPerPart);
    if (entries.isEmpty()) {
      throw StorybankException.notFound("The sitemap of " + tenant + " has no part " + n + ".");
    }
    return urlset(entries);
  }

  private byte[] urlset(List<DeliveryService.SitemapEntry> entries) {
    return write(
        xml -> {
          xml.writeStartElement("urlset");
          xml.writeDefaultNamespace(NS);
          xml.writeNamespace("xhtml", XHTML);
          for (DeliveryService.SitemapEntry entry : entries) {
            for (Map.Entry<String, String> page : entry.slugs().entrySet()) {
              xml.writeStartElement("url");
              element(
                  xml, "loc", links.item(entry.type(), entry.id(), page.getValue(), page.getKey()));
              element(
                  xml,
                  "lastmod",
                  entry.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
              if (entry.slugs().size() > 1) {
                for (Map.Entry<String, String> other : entry.slugs().entrySet()) {
                  alternate(
                      xml,
                      other.getKey(),
                      links.item(entry.type(), entry.id(), other.getValue(), other.getKey()));
                }
                alternate(
                    xml,
                    "x-default",
                    links.item(
                        entry.type(),
                        entry.id(),
                        entry.slugs().get(entry.defaultLocale()),
                        entry.defaultLocale()));
              }
              xml.writeEndElement();
            }
          }
          xml.writeEndElement();
        });
  }

  private static void alternate(XMLStreamWriter xml, String hreflang, String href)
      throws XMLStreamException {
    xml.writeEmptyElement("xhtml", "link", XHTML);
    xml.writeAttribute("rel", "alternate");
    xml.writeAttribute("hreflang", hreflang);
    xml.writeAttribute("href", href);
  }

  private static void element(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(Characters.xmlSafe(value));
    xml.writeEndElement();
  }

  private interface Body {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  private static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      body.write(xml);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Writing XML to memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
