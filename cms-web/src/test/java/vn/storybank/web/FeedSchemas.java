package vn.storybank.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The published schemas of the formats Storybank emits, with real validators: JSON Schema 2020-12
 * (formats asserted) for JSON Feed and ninjs 2.1, RELAX NG compact for Atom, XSD for sitemaps.
 */
final class FeedSchemas {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(
                  mappers ->
                      mappers.mapPrefix(
                          "https://geojson.org/schema/GeoJSON.json",
                          resource("geojson-any.json").toString())));
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private static final JsonSchema JSON_FEED = json("jsonfeed-1.1.schema.json");
  private static final JsonSchema NINJS = json("ninjs-schema_2.1.json");

  private FeedSchemas() {}

  static List<String> jsonFeed(JsonNode feed) {
    return messages(JSON_FEED.validate(feed));
  }

  static List<String> ninjs(JsonNode item) {
    return messages(NINJS.validate(item));
  }

  static List<String> atom(byte[] xml) {
    List<String> errors = new ArrayList<>();
    PropertyMapBuilder properties = new PropertyMapBuilder();
    properties.put(ValidateProperty.ERROR_HANDLER, collector(errors));
    ValidationDriver driver =
        new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
    try {
      if (!driver.loadSchema(new InputSource(resource("atom.rnc").toString()))) {
        throw new IllegalStateException("atom.rnc did not load: " + errors);
      }
      if (!driver.validate(new InputSource(new ByteArrayInputStream(xml))) && errors.isEmpty()) {
        errors.add("invalid");
      }
    } catch (SAXException e) {
      errors.add(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return errors;
  }

  static List<String> sitemap(byte[] xml) {
    return xsd("sitemap-hreflang.xsd", xml);
  }

  static List<String> sitemapIndex(byte[] xml) {
    return xsd("siteindex.xsd", xml);
  }

  private static List<String> xsd(String schema, byte[] xml) {
    List<String> errors = new ArrayList<>();
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      Validator validator = factory.newSchema(resource(schema)).newValidator();
      validator.setErrorHandler(collector(errors));
      validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
    } catch (SAXException e) {
      errors.add(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return errors;
  }

  private static ErrorHandler collector(List<String> errors) {
    return new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) {
        errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        error(e);
      }
    };
  }

  private static JsonSchema json(String name) {
    return FACTORY.getSchema(SchemaLocation.of(resource(name).toString()), CONFIG);
  }

  private static URL resource(String name) {
    URL url = FeedSchemas.class.getResource("/schemas/" + name);
    if (url == null) {
      throw new IllegalStateException("Missing test resource schemas/" + name);
    }
    return url;
  }

  private static List<String> messages(java.util.Set<ValidationMessage> messages) {
    return messages.stream().map(ValidationMessage::getMessage).toList();
  }
}
