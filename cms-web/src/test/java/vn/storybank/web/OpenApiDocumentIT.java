package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document as a partner's tools fetch it from the running WAR: swagger-parser (what
 * code generators run) reads it without a single message, it names the server it was fetched from,
 * and it is the written contract (META-INF/openapi.yaml) with nothing added or lost.
 */
@ExtendWith(EmbeddedServer.class)
class OpenApiDocumentIT {
  static PayaraServer server;
  static Api api;

  @BeforeAll
  static void connect(PayaraServer shared) {
    server = shared;
    api = Api.admin(shared).anonymous();
  }

  @Test
  void swaggerParserReadsTheServedYamlWithoutAnyMessage() {
    Api.Reply served = api.get("openapi");
    assertEquals(200, served.status(), served.toString());
    assertEquals("application/yaml", mediaType(served), served.toString());
    OpenAPI document = parsed(served.body());
    assertEquals(origin(server.base()), document.getServers().get(0).getUrl());
  }

  @Test
  void jsonWhenAskedByAcceptOrByFormat() {
    Api.Reply accepted = api.get("openapi", "application/json");
    assertEquals(200, accepted.status(), accepted.toString());
    assertEquals("application/json", mediaType(accepted), accepted.toString());
    parsed(accepted.body());
    Api.Reply format = api.get("openapi?format=json");
    assertEquals(200, format.status(), format.toString());
    assertEquals("application/json", mediaType(format), format.toString());
    assertEquals(accepted.json(), format.json());
  }

  @Test
  void theServerIsTheHostAndPortTheDocumentWasAskedOn() {
    // No public URL is set on this server: each answer names the address it was asked on.
    URI other = URI.create("http://127.0.0.1:" + server.base().getPort() + "/");
    Api.Reply served = new Api(other, (String) null, (String) null).get("openapi?format=json");
    assertEquals(200, served.status(), served.toString());
    assertEquals(
        "http://127.0.0.1:" + server.base().getPort(), served.json().at("/servers/0/url").asText());
  }

  @Test
  void theServedDocumentIsTheWrittenContractWithItsServer() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode written;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/openapi.yaml")) {
      written = yaml.readTree(in);
    }
    JsonNode served = yaml.readTree(api.get("openapi").body());
    ((ObjectNode) written).remove("servers");
    ((ObjectNode) served).remove("servers");
    // Nothing added (no `endpoints`) and nothing dropped (every `security: []` kept).
    assertEquals(written, served);
  }

  /** Parses with references resolved, as code generators do, and requires no message at all. */
  static OpenAPI parsed(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    assertEquals(List.of(), result.getMessages(), "swagger-parser's messages");
    assertNotNull(result.getOpenAPI());
    assertTrue(result.getOpenAPI().getPaths().size() > 100);
    return result.getOpenAPI();
  }

  /** The base URL without its trailing slash, as an OpenAPI server URL is written. */
  static String origin(URI base) {
    String text = base.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static String mediaType(Api.Reply reply) {
    String type = reply.header("Content-Type");
    return type == null ? null : type.split(";")[0].trim();
  }
}
