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

  private static Set<String> implemented() {
    Set<String> operations = new TreeSet<>();
    for (Class<?> resource : new StorybankApplication().getClasses()) {
      Path root = resource.getAnnotation(Path.class);
      if (root == null) {
        continue;
      }
      for (Method method : resource.getMethods()) {
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
    JsonNode document;
    try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
      document = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
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
