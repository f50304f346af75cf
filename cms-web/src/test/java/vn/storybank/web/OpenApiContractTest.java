package vn.storybank.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.storybank.web.http.FormerPath;

/**
 * The OpenAPI document the app serves lists exactly the operations the JAX-RS resources answer:
 * none undocumented, none documented that does not exist.
 */
class OpenApiContractTest {
  private static final Map<Class<? extends Annotation>, String> METHODS =
      Map.of(
          GET.class, "get",
          POST.class, "post",
          PUT.class, "put",
          PATCH.class, "patch",
          DELETE.class, "delete",
          HEAD.class, "head");
  private static final Set<String> VERBS = Set.of("get", "post", "put", "patch", "delete", "head");

  @Test
  void everyResourceOperationIsDocumentedAndNothingElse() throws Exception {
    Set<String> documented = documented();
    Set<String> implemented = implemented();
    Set<String> undocumented = new TreeSet<>(implemented);
    undocumented.removeAll(documented);
    Set<String> missing = new TreeSet<>(documented);
    missing.removeAll(implemented);
    assertEquals(Set.of(), undocumented, "operations the API answers but the document lacks");
    assertEquals(Set.of(), missing, "operations the document promises but the API lacks");
  }

  /**
   * The written document already passes swagger-parser; OpenApiDocumentIT checks the served one,
   * which differs only in its server.
   */
  @Test
  void swaggerParserReadsTheWrittenDocumentWithoutAnyMessage() throws Exception {
    String text;
    try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    OpenApiDocumentIT.parsed(text);
  }

  /** A former path is kept only for an operation that the document lists where it moved. */
  @Test
  void everyFormerPathNamesADocumentedOperation() throws Exception {
    Set<String> documented = documented();
    List<String> wrong = new java.util.ArrayList<>();
    for (Class<?> resource : new StorybankApplication().getClasses()) {
      for (Method method : resource.getMethods()) {
        FormerPath former = method.getAnnotation(FormerPath.class);
        if (former == null) {
          continue;
        }
        for (var verb : METHODS.entrySet()) {
          if (method.isAnnotationPresent(verb.getKey())
              && !documented.contains(verb.getValue() + " " + normalize(former.movedTo()))) {
            wrong.add(
                resource.getSimpleName() + "." + method.getName() + " -> " + former.movedTo());
          }
        }
      }
    }
    assertEquals(List.of(), wrong, "former paths whose operation is not documented where it moved");
  }

  /**
   * Every operation says who may call it: a partner's tools read an operation without {@code
   * security} as "unknown", not as public. Public ones say {@code security: []} (or list the
   * anonymous requirement {@code {}} beside a key); admin ones name the schemes they accept.
   */
  @Test
  void everyOperationDeclaresItsSecurity() throws Exception {
    JsonNode document = written();
    Set<String> schemes = new TreeSet<>();
    document.at("/components/securitySchemes").fieldNames().forEachRemaining(schemes::add);
    List<String> wrong = new java.util.ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (!VERBS.contains(operation.getKey())) {
          continue;
        }
        String name = operation.getKey() + " " + path.getKey();
        JsonNode security = operation.getValue().get("security");
        if (security == null || !security.isArray()) {
          wrong.add(name + " declares no security");
          continue;
        }
        boolean admin = path.getKey().startsWith("/api/admin/");
        boolean anonymous =
            security.isEmpty()
                || java.util.stream.StreamSupport.stream(security.spliterator(), false)
                    .anyMatch(JsonNode::isEmpty);
        if (admin && anonymous && !ANONYMOUS_ADMIN.contains(name)) {
          wrong.add(name + " is admin API but declared open to anonymous callers");
        }
        if (!admin && !anonymous && !path.getKey().equals("/metrics")) {
          wrong.add(name + " is public but declared as needing credentials");
        }
        for (JsonNode requirement : security) {
          requirement
              .fieldNames()
              .forEachRemaining(
                  scheme -> {
                    if (!schemes.contains(scheme)) {
                      wrong.add(name + " names the undefined scheme " + scheme);
                    }
                  });
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  /** Admin operations a caller reaches without credentials: signing in. */
  private static final Set<String> ANONYMOUS_ADMIN = Set.of("post /api/admin/v1/session");

  /**
   * No two paths can match the same URL in a way a router must guess at: same number of segments,
   * the same number of templated ones, and equal wherever neither is templated (the rule of
   * Redocly's {@code no-ambiguous-paths}). {@code /tenants/{code}} against {@code /{t}/stories} was
   * one: which of the two is {@code /tenants/stories}?
   */
  @Test
  void noTwoPathsAreAmbiguous() throws Exception {
    List<String> paths = new java.util.ArrayList<>();
    written().get("paths").fieldNames().forEachRemaining(paths::add);
    List<String> ambiguous = new java.util.ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      for (int j = i + 1; j < paths.size(); j++) {
        if (ambiguous(paths.get(i), paths.get(j))) {
          ambiguous.add(paths.get(i) + " and " + paths.get(j));
        }
      }
    }
    assertEquals(List.of(), ambiguous);
  }

  static boolean ambiguous(String a, String b) {
    String[] left = a.split("/");
    String[] right = b.split("/");
    if (left.length != right.length) {
      return false;
    }
    int leftTemplated = 0;
    int rightTemplated = 0;
    for (int i = 0; i < left.length; i++) {
      boolean l = left[i].matches("\\{.+}");
      boolean r = right[i].matches("\\{.+}");
      leftTemplated += l ? 1 : 0;
      rightTemplated += r ? 1 : 0;
      if (!l && !r && !left[i].equals(right[i])) {
        return false;
      }
    }
    return leftTemplated == rightTemplated;
  }

  private static JsonNode written() throws Exception {
    try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  private static Set<String> implemented() {
    Set<String> operations = new TreeSet<>();
    for (Class<?> resource : new StorybankApplication().getClasses()) {
      Path root = resource.getAnnotation(Path.class);
      if (root == null) {
        continue;
      }
      for (Method method : resource.getMethods()) {
        if (method.isAnnotationPresent(FormerPath.class)) {
          // An old URL kept answering, unlisted; the operation is documented where it moved.
          continue;
        }
        for (var verb : METHODS.entrySet()) {
          if (method.isAnnotationPresent(verb.getKey())) {
            Path sub = method.getAnnotation(Path.class);
            String path = "/api/" + root.value() + (sub == null ? "" : "/" + sub.value());
            for (String concrete : alternatives(path)) {
              operations.add(verb.getValue() + " " + normalize(concrete));
            }
          }
        }
      }
    }
    return operations;
  }

  private static Set<String> documented() throws Exception {
    JsonNode document = written();
    Set<String> operations = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (Iterator<String> names = path.getValue().fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (VERBS.contains(name)) {
          operations.add(name + " " + normalize(path.getKey()));
        }
      }
    }
    return operations;
  }

  /**
   * A template whose parameter is a plain list of words ({@code {action: submit|approve}}) stands
   * for one documented path per word.
   */
  private static List<String> alternatives(String path) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\{\\w+:\\s*([a-z-]+(?:\\|[a-z-]+)+)\\}").matcher(path);
    if (!m.find()) {
      return List.of(path);
    }
    List<String> paths = new java.util.ArrayList<>();
    for (String word : m.group(1).split("\\|")) {
      paths.addAll(alternatives(path.substring(0, m.start()) + word + path.substring(m.end())));
    }
    return paths;
  }

  /** Parameter names and patterns differ between the two; their positions must not. */
  private static String normalize(String path) {
    StringBuilder plain = new StringBuilder();
    int depth = 0;
    for (char c : path.toCharArray()) {
      if (c == '{' && depth++ == 0) {
        plain.append("{}");
      } else if (c == '}') {
        depth--;
      } else if (depth == 0) {
        plain.append(c);
      }
    }
    return plain.toString().replaceAll("/+", "/");
  }
}
