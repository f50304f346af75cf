package vn.storybank.web.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.storybank.web.config.Settings;
import vn.storybank.web.config.SettingsRegistry;
import vn.storybank.web.http.Problem;
import vn.storybank.web.http.ProblemType;

/**
 * {@code GET /openapi}: the contract as written in META-INF/openapi.yaml, YAML by default and JSON
 * for {@code Accept: application/json} or {@code ?format=json}. Only {@code servers} changes: it
 * names {@code cms.public-url} when that is set, else the scheme, host and port the document was
 * asked on, so that a partner's generated client calls the server it read the document from.
 */
@WebServlet(urlPatterns = "/openapi")
public final class OpenApiDocument extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Pattern SERVERS = Pattern.compile("(?m)^servers:\\n(?:[ -].*\\n)*");
  private static final String YAML = "application/yaml";
  private static final String JSON = "application/json";
  private static final ObjectMapper JSON_WRITER = new ObjectMapper();
  private static final String DESCRIPTION =
      "This server (" + SettingsRegistry.PUBLIC_URL.key() + ", else the address asked)";

  /** The written document before and after its {@code servers} block. */
  private transient String yamlBefore;

  private transient String yamlAfter;

  /** The document as a tree, for JSON. */
  private transient ObjectNode tree;

  /** {@code cms.public-url} without a trailing slash; null when unset. */
  private transient String publicUrl;

  @Override
  public void init() throws ServletException {
    String text;
    try (InputStream in = OpenApiDocument.class.getResourceAsStream("/META-INF/openapi.yaml")) {
      if (in == null) {
        throw new ServletException("The WAR has no META-INF/openapi.yaml");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      tree = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (IOException e) {
      throw new ServletException("META-INF/openapi.yaml cannot be read", e);
    }
    Matcher servers = SERVERS.matcher(text);
    if (!servers.find()) {
      throw new ServletException("META-INF/openapi.yaml has no top-level servers block");
    }
    yamlBefore = text.substring(0, servers.start());
    yamlAfter = text.substring(servers.end());
    String configured = new Settings(ConfigProvider.getConfig()).publicUrl();
    publicUrl = configured == null ? null : withoutTrailingSlash(configured);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Set<String> unknown = new java.util.TreeSet<>(request.getParameterMap().keySet());
    unknown.remove("format");
    String format = request.getParameter("format");
    if (!unknown.isEmpty() || (format != null && !Set.of("json", "yaml").contains(format))) {
      Problem.of(
              ProblemType.INVALID,
              "GET /openapi takes one query parameter, format=yaml (the default) or format=json"
                  + (unknown.isEmpty() ? "." : "; it does not take " + unknown + "."))
          .write(request, response);
      return;
    }
    String server = publicUrl != null ? publicUrl : asked(request);
    boolean json =
        format != null ? format.equals("json") : prefersJson(request.getHeader("Accept"));
    byte[] body =
        json
            ? JSON_WRITER.writerWithDefaultPrettyPrinter().writeValueAsBytes(withServer(server))
            : (yamlBefore + serversBlock(server) + yamlAfter).getBytes(StandardCharsets.UTF_8);
    response.setContentType(json ? JSON : YAML);
    response.setHeader("Vary", "Accept");
    response.setHeader("Cache-Control", "no-cache");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The tree with its servers replaced; the rest is shared, never changed. */
  private ObjectNode withServer(String server) {
    ObjectNode copy = tree.objectNode();
    copy.setAll(tree);
    copy.putArray("servers").addObject().put("url", server).put("description", DESCRIPTION);
    return copy;
  }

  /** A JSON string is a YAML double-quoted scalar: whatever the URL holds, it stays one value. */
  private static String serversBlock(String server) throws IOException {
    return "servers:\n- url: "
        + JSON_WRITER.writeValueAsString(server)
        + "\n  description: "
        + JSON_WRITER.writeValueAsString(DESCRIPTION)
        + "\n";
  }

  /** Scheme, host, port and context path of the request, as the client wrote them. */
  private static String asked(HttpServletRequest request) {
    String url = request.getRequestURL().toString();
    return url.substring(0, url.length() - request.getRequestURI().length())
        + withoutTrailingSlash(request.getContextPath());
  }

  /** JSON only when the client names it and not YAML: browsers and plain curl get YAML. */
  private static boolean prefersJson(String accept) {
    if (accept == null) {
      return false;
    }
    String lower = accept.toLowerCase(java.util.Locale.ROOT);
    return lower.contains(JSON) && !lower.contains("yaml");
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
