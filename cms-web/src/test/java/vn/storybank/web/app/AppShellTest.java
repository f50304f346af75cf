package vn.storybank.web.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AppShellTest {
  static final Path SHELL = Path.of("src/main/webapp/app/index.html");

  /** The import map names exact webjar versions: each must be a file of a webjar the WAR ships. */
  @Test
  void everyModuleTheImportMapNamesIsInTheWar() throws Exception {
    JsonNode imports =
        new ObjectMapper().readTree(importMap(Files.readString(SHELL))).get("imports");
    int checked = 0;
    for (Map.Entry<String, JsonNode> entry : imports.properties()) {
      String target = entry.getValue().asText();
      assertTrue(target.startsWith("/webjars/"), target);
      String resource = "META-INF/resources" + target;
      // A prefix ("lit/") names a folder of one exact version; webjars list folders too.
      assertNotNull(
          getClass().getClassLoader().getResource(resource),
          entry.getKey()
              + " → "
              + target
              + " is in no webjar of the WAR (versions pinned in the pom?)");
      checked++;
    }
    assertTrue(checked >= 4, "the import map maps lit and its three packages");
  }

  @Test
  void thePolicyAllowsExactlyTheImportMapAmongInlineScripts() throws Exception {
    String html = Files.readString(SHELL);
    String policy = AppShell.policyFor(html);
    String digest =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(importMap(html).getBytes(StandardCharsets.UTF_8)));
    assertTrue(policy.contains("script-src 'self' 'sha256-" + digest + "'"), policy);
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    assertEquals(
        1,
        Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).results().count(),
        "one inline script (the import map); any other would be refused by the policy");
  }

  private static String importMap(String html) {
    Matcher m =
        Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertTrue(m.find(), "the shell has an import map");
    return m.group(1);
  }
}
