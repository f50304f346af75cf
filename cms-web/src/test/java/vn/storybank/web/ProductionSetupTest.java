package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production set-up in deploy/production/ checked with the tools that read it: nginx's own
 * {@code nginx -t}, {@code systemd-analyze verify}, and the Kubernetes manifests against the
 * Kubernetes API's JSON schemas. A missing tool fails the test and says what to install.
 */
class ProductionSetupTest {
  private static final Path PRODUCTION = Path.of("..", "deploy", "production").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  /**
   * The config file as shipped, inside a minimal nginx.conf (as /etc/nginx/nginx.conf includes
   * conf.d/), with a throwaway certificate where it names the real one.
   */
  @Test
  void theNginxConfigPassesNginxTest() throws Exception {
    String nginx = tool("/usr/sbin/nginx", "nginx", "apt-get install nginx");
    String openssl = tool("/usr/bin/openssl", "openssl", "apt-get install openssl");
    Path ssl = Files.createDirectories(work.resolve("ssl"));
    run(
        openssl,
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=storybank.example.org",
        "-keyout",
        ssl.resolve("privkey.pem").toString(),
        "-out",
        ssl.resolve("fullchain.pem").toString());
    String shipped = Files.readString(PRODUCTION.resolve("nginx/storybank.conf"));
    assertTrue(shipped.contains("/etc/ssl/storybank/"), "the certificate paths to replace");
    Path site = work.resolve("storybank.conf");
    Files.writeString(site, shipped.replace("/etc/ssl/storybank/", ssl + "/"));
    Path conf = work.resolve("nginx.conf");
    Files.writeString(
        conf,
        "pid "
            + work.resolve("nginx.pid")
            + ";\nerror_log "
            + work.resolve("error.log")
            + ";\nevents {}\nhttp {\n  include "
            + site
            + ";\n}\n");

    Result result = run(nginx, "-t", "-q", "-p", work.toString(), "-c", conf.toString());
    assertEquals(0, result.exit(), result.output());
    assertEquals("", result.output().strip(), "no warnings either");
  }

  /**
   * Every body limit of the proxy is at least the matching Storybank setting's default, so that
   * Storybank, not nginx, decides (a larger import or video than nginx allows would be cut off with
   * nginx's bare 413).
   */
  @Test
  void theNginxBodyLimitsMatchStorybanksDefaults() throws IOException {
    String shipped = Files.readString(PRODUCTION.resolve("nginx/storybank.conf"));
    List<String> limits =
        shipped
            .lines()
            .map(String::strip)
            .filter(l -> l.startsWith("client_max_body_size"))
            .toList();
    assertEquals(
        List.of("client_max_body_size 2m;", "client_max_body_size 1g;", "client_max_body_size 2g;"),
        limits);
    assertEquals(2L << 20, defaultOf("cms.api.max-body-bytes"));
    assertEquals(1L << 30, defaultOf("cms.api.max-import-bytes"));
    assertEquals(2L << 30, defaultOf("cms.media.max-video-bytes"));
  }

  /**
   * The default of a setting as docs/OPERATIONS.md's table gives it (OperationsDocTest holds the
   * table to the registry): the first number in its row's default column.
   */
  private static long defaultOf(String key) throws IOException {
    String row =
        Files.readString(Path.of("..", "docs", "OPERATIONS.md"))
            .lines()
            .filter(l -> l.startsWith("| `" + key + "` |"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(key + " in docs/OPERATIONS.md"));
    String defaultColumn = row.split(" \\| ")[2];
    return Long.parseLong(defaultColumn.replaceAll("^`(\\d+)`.*", "$1"));
  }

  /**
   * systemd-analyze verify loads the unit as systemd would and reports unknown keys, bad values and
   * an ExecStart that is not executable; its paths under /opt/storybank point at a copy of deploy/
   * here. It must say nothing.
   */
  @Test
  void theSystemdUnitPassesSystemdAnalyzeVerify() throws Exception {
    String analyze = tool("/usr/bin/systemd-analyze", "systemd-analyze", "apt-get install systemd");
    Path install = Files.createDirectories(work.resolve("opt/storybank/deploy"));
    for (String file : List.of("run", "stop", "payara-preboot.asadmin")) {
      Files.copy(PRODUCTION.resolveSibling(file), install.resolve(file));
    }
    String shipped = Files.readString(PRODUCTION.resolve("systemd/storybank.service"));
    Path unit = Files.createDirectories(work.resolve("units")).resolve("storybank.service");
    Files.writeString(unit, shipped.replace("/opt/storybank/", install.getParent() + "/"));

    Result result = run(analyze, "verify", unit.toString());
    assertEquals(0, result.exit(), result.output());
    assertEquals("", result.output().strip(), "no warnings either");
  }

  /**
   * Each manifest against its kind's schema from the fabric8 Kubernetes model (generated from the
   * Kubernetes API types; version in cms-web/pom.xml), made strict as kubeconform's are: an unknown
   * field is an error (a misspelt {@code readinessProbe} would otherwise be silently ignored by the
   * cluster), and int-or-string and quantity fields take what the API takes.
   */
  @Test
  void theKubernetesManifestsMatchTheKubernetesSchemas() throws IOException {
    List<JsonNode> manifests = manifests(PRODUCTION.resolve("kubernetes/storybank.yaml"));
    Map<String, Integer> kinds = new TreeMap<>();
    for (JsonNode manifest : manifests) {
      String kind = manifest.path("kind").asText();
      kinds.merge(kind, 1, Integer::sum);
      Set<ValidationMessage> errors = schemaOf(manifest).validate(manifest);
      assertTrue(errors.isEmpty(), kind + " " + manifest.at("/metadata/name") + ": " + errors);
    }
    assertEquals(
        Map.of("ConfigMap", 1, "Secret", 1, "Service", 4, "StatefulSet", 1),
        kinds,
        "the manifests");

    JsonNode pod = manifests.get(manifests.size() - 1).at("/spec/template/spec/containers/0");
    assertEquals("/health/ready", pod.at("/readinessProbe/httpGet/path").asText());
    assertEquals("/health/live", pod.at("/livenessProbe/httpGet/path").asText());
  }

  /** The schemas catch what they should: a misspelt field and a wrong type. */
  @Test
  void theStrictSchemasRefuseAMisspeltFieldAndAWrongType() throws IOException {
    List<JsonNode> manifests = manifests(PRODUCTION.resolve("kubernetes/storybank.yaml"));
    ObjectNode statefulSet = (ObjectNode) manifests.get(manifests.size() - 1).deepCopy();
    ObjectNode container = (ObjectNode) statefulSet.at("/spec/template/spec/containers/0");
    container.set("readinessProbes", container.remove("readinessProbe"));
    assertFalse(schemaOf(statefulSet).validate(statefulSet).isEmpty(), "misspelt field");

    ObjectNode wrongType = (ObjectNode) manifests.get(manifests.size() - 1).deepCopy();
    ((ObjectNode) wrongType.get("spec")).put("replicas", "two");
    assertFalse(schemaOf(wrongType).validate(wrongType).isEmpty(), "wrong type");
  }

  private static List<JsonNode> manifests(Path file) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<JsonNode> documents = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
      Iterator<JsonNode> all = yaml.readValues(parser, JsonNode.class);
      all.forEachRemaining(documents::add);
    }
    return documents;
  }

  /**
   * The definition of the manifest's kind: kubernetes_apps_StatefulSet in the apps model's schema
   * for apps/v1, kubernetes_core_Service in the core model's for v1; its apiVersion must be the
   * manifest's.
   */
  private static JsonSchema schemaOf(JsonNode manifest) throws IOException {
    String kind = manifest.path("kind").asText();
    String apiVersion = manifest.path("apiVersion").asText();
    String group =
        switch (apiVersion) {
          case "v1" -> "core";
          case "apps/v1" -> "apps";
          default -> throw new AssertionError("no schema for " + apiVersion + " here");
        };
    JsonNode all = kubernetesSchema("kubernetes-model-" + group);
    String name = "kubernetes_" + group + "_" + kind;
    JsonNode definition = all.path("definitions").path(name);
    assertFalse(definition.isMissingNode(), "no schema for " + apiVersion + " " + kind);
    assertEquals(apiVersion, definition.at("/properties/apiVersion/default").asText(), name);
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("$ref", "#/definitions/" + name);
    root.set("definitions", all.get("definitions"));
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root);
  }

  /**
   * The model jar's validation-schema.json, made strict: properties not listed are refused, a
   * property marked required (draft 3 style) is listed in its object's required, and the two types
   * the Go structs model as objects take their JSON forms.
   */
  private static JsonNode kubernetesSchema(String artifact) throws IOException {
    // Both jars hold schema/validation-schema.json: read the one of the named jar.
    var resources =
        ProductionSetupTest.class.getClassLoader().getResources("schema/validation-schema.json");
    while (resources.hasMoreElements()) {
      var url = resources.nextElement();
      if (url.toString().contains("/" + artifact + "-")) {
        try (InputStream in = url.openStream()) {
          ObjectNode schema = (ObjectNode) JSON.readTree(in);
          ObjectNode definitions = (ObjectNode) schema.get("definitions");
          definitions.properties().forEach(d -> strict((ObjectNode) d.getValue()));
          jsonForm(definitions, "IntOrString", "integer", "string");
          jsonForm(definitions, "_Quantity", "string", "number");
          return schema;
        }
      }
    }
    throw new AssertionError("schema/validation-schema.json of " + artifact + " not on the path");
  }

  private static void strict(ObjectNode definition) {
    JsonNode properties = definition.get("properties");
    if (properties == null) {
      return;
    }
    if (definition.path("additionalProperties").asBoolean(false)) {
      definition.put("additionalProperties", false);
    }
    // "required": true on apiVersion and kind is the Java model's (draft 3 style); the API does
    // not require them in embedded objects (a volume claim template), and schemaOf checks the
    // manifest's own.
    properties.properties().forEach(p -> ((ObjectNode) p.getValue()).remove("required"));
  }

  private static void jsonForm(ObjectNode definitions, String suffix, String... types) {
    List<String> names = new ArrayList<>();
    definitions.fieldNames().forEachRemaining(names::add);
    List<String> matching = names.stream().filter(n -> n.endsWith(suffix)).toList();
    assertFalse(matching.isEmpty(), "a definition ending in " + suffix);
    for (String name : matching) {
      ObjectNode form = JSON.createObjectNode();
      ArrayNode typeList = form.putArray("type");
      for (String type : types) {
        typeList.add(type);
      }
      definitions.set(name, form);
    }
  }

  private static String tool(String path, String name, String install) {
    if (!Files.isExecutable(Path.of(path))) {
      fail(name + " is needed to check deploy/production/ and is not at " + path + ". " + install);
    }
    return path;
  }

  private record Result(int exit, String output) {}

  private static Result run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command));
    return new Result(process.exitValue(), output);
  }
}
