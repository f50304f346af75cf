package vn.storybank.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The main Java sources of every module the WAR holds, for tests that read the code itself. */
public final class MainSources {
  private static final List<Path> ROOTS =
      List.of(
          Path.of("src", "main", "java"),
          Path.of("..", "cms-core", "src", "main", "java"),
          Path.of("..", "cms-search", "src", "main", "java"));

  private MainSources() {}

  public static List<Path> javaFiles() throws IOException {
    List<Path> all = new ArrayList<>();
    for (Path root : ROOTS) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(all::add);
      }
    }
    return all;
  }
}
