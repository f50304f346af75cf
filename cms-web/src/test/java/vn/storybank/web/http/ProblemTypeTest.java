package vn.storybank.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.web.MainSources;

/**
 * Every problem type the code can answer with has a page and is documented, and the code makes no
 * type but through {@link ProblemType}, so that this holds for types added later.
 */
class ProblemTypeTest {
  private static final Path API_DOC = Path.of("..", "docs", "API.md");

  /** A string literal that is a problem type, or the start of the status family's. */
  private static final Pattern SPELLED = Pattern.compile("\"(/problems/|http-\")");

  private static final Path OPENAPI =
      Path.of("src", "main", "resources", "META-INF", "openapi.yaml");

  @Test
  void everyTypeHasAPageAndIsDocumented() throws IOException {
    String guide = Files.readString(API_DOC, StandardCharsets.UTF_8);
    String contract = Files.readString(OPENAPI, StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    for (ProblemType type : ProblemType.values()) {
      if (ProblemPages.page(type.slug()).isEmpty()) {
        missing.add(type.slug() + ": no page");
      }
      if (!guide.contains("`/problems/" + type.slug() + "`")) {
        missing.add(type.slug() + ": not in docs/API.md");
      }
      if (!contract.contains("| `" + type.slug() + "` | " + type.status() + " |")) {
        missing.add(type.slug() + ": not in openapi.yaml's Problem schema");
      }
    }
    assertTrue(missing.isEmpty(), String.join("\n", missing));
  }

  @Test
  void theStatusFamilyHasPagesAndNothingElseDoes() {
    for (int status : List.of(400, 403, 409, 500, 501, 505)) {
      String page = ProblemPages.page("http-" + status).orElseThrow();
      assertTrue(page.contains("HTTP " + status), page);
    }
    for (String slug : List.of("http-200", "http-302", "http-5000", "nope", "", "../openapi")) {
      assertTrue(ProblemPages.page(slug).isEmpty(), slug);
    }
  }

  /** Partners match on the slugs: a domain failure keeps the slug it always had. */
  @Test
  void domainFailuresKeepTheirSlugs() {
    for (ErrorKind kind : ErrorKind.values()) {
      assertEquals(kind.slug(), ProblemType.of(kind).slug(), kind.name());
    }
  }

  @Test
  void typesAreAbsoluteUnderThePublicUrlElseTheRequestsAddress() {
    Problem problem = Problem.of(ProblemType.INVALID, "2 fields are invalid");
    assertEquals(
        "https://cms.example.org/problems/invalid",
        problem
            .under(ProblemTypes.base("https://cms.example.org", "http://10.0.0.5:8080/"))
            .type());
    assertEquals(
        "https://cms.example.org/storybank/problems/invalid",
        problem.under(ProblemTypes.base("https://cms.example.org/storybank/", "http://x/")).type());
    assertEquals(
        "http://localhost:18080/problems/invalid",
        problem.under(ProblemTypes.base(null, "http://localhost:18080/")).type());
    assertEquals("Invalid request", problem.title());
    assertEquals(400, problem.status());
  }

  /** No code spells a type itself: each goes through ProblemType, which has its page. */
  @Test
  void noCodeSpellsAProblemTypeItself() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : MainSources.javaFiles()) {
      // The problem, its types and their pages are where types are made and served.
      if (file.endsWith("Problem.java")
          || file.endsWith("ProblemType.java")
          || file.endsWith("ProblemPages.java")) {
        continue;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (SPELLED.matcher(text).find()) {
        found.add(file.toString());
      }
    }
    assertTrue(found.isEmpty(), "spell a problem type: " + found);
  }
}
