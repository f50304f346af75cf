package vn.storybank.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.Actor;
import vn.storybank.core.entry.ListQuery;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.media.MediaView;
import vn.storybank.core.story.StoryView;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;

/** The bundled demo content loads into an empty database, once, and is what the README promises. */
class DemoContentIT {
  @TempDir Path dir;

  @Test
  void demoTenantsLoadOnceWithStoriesProductsAndTaxonomies() {
    try (Storybank storybank = Storybank.start(TestDatabases.h2(dir), Clock.systemUTC())) {
      assertTrue(DemoContent.loadIfEmpty(storybank));
      assertFalse(DemoContent.loadIfEmpty(storybank), "a database with tenants is left alone");
      assertEquals(
          List.of("lao-cai", "thai-nguyen"),
          storybank.tenants().list(TestContent.ACTOR).stream().map(t -> t.code()).toList());

      List<StoryView> stories =
          storybank.stories().list("lao-cai", ListQuery.firstPage(200), Actor.superAdmin()).items();
      assertTrue(stories.size() >= 28, "about 30 Lào Cai stories: " + stories.size());
      assertTrue(count(stories, "en") >= 20);
      assertTrue(count(stories, "hnj") >= 4);
      assertTrue(count(stories, "zh-Hans") >= 3);
      assertTrue(
          stories.stream()
              .anyMatch(
                  s ->
                      s.translations().values().stream()
                          .anyMatch(t -> t.status() == TranslationStatus.DRAFT)));
      assertTrue(
          storybank
                  .products()
                  .list("lao-cai", ListQuery.firstPage(200), Actor.superAdmin())
                  .items()
                  .size()
              >= 10);
      assertEquals(
          54,
          storybank.taxonomies().list("lao-cai", TermKind.ETHNIC_GROUP, TestContent.ACTOR).size());
      assertEquals(
          3, storybank.taxonomies().list("lao-cai", TermKind.PILLAR, TestContent.ACTOR).size());
      assertTrue(
          storybank
                  .stories()
                  .list("thai-nguyen", ListQuery.firstPage(200), Actor.superAdmin())
                  .items()
                  .size()
              >= 6);
      assertTrue(
          storybank
                  .collections()
                  .list("lao-cai", ListQuery.firstPage(200), Actor.superAdmin())
                  .items()
                  .size()
              >= 2);
    }
  }

  /**
   * Every demo media record has its file (so demo stories, feeds and JSON-LD show images), and the
   * credit and licence of the file it has: each file is listed in files.tsv and credited in
   * CREDITS.md, and the demo has a key-protected channel for the README's partner-key line.
   */
  @Test
  void everyDemoMediaRecordHasItsCreditedFileAndLaoCaiHasAKeyProtectedChannel() throws Exception {
    try (Storybank storybank = Storybank.start(TestDatabases.h2(dir), Clock.systemUTC())) {
      assertTrue(DemoContent.loadIfEmpty(storybank));
      int records = 0;
      for (String tenant : DemoContent.TENANTS) {
        for (MediaView media :
            storybank.media().list(tenant, ListQuery.firstPage(200), Actor.superAdmin()).items()) {
          records++;
          assertNotNull(media.file(), "demo media " + media.header().id() + " has a file");
          String name = media.file().filename();
          String credits = credits();
          assertTrue(credits.contains("`" + name + "`"), name + " is credited in CREDITS.md");
          assertTrue(
              media.licenceUrl() != null && media.credit() != null,
              name + " carries its credit and licence");
          if (media.mediaType().equals("photo")) {
            assertTrue(media.file().width() > 0, name + " was read as an image");
          }
        }
      }
      assertTrue(records >= 12, "the demo media of both tenants: " + records);
      assertEquals(
          "key", storybank.channels().get("lao-cai", "kr-partner", Actor.superAdmin()).access());
    }
  }

  private static String credits() throws java.io.IOException {
    try (var in = DemoContent.class.getResourceAsStream("/demo/media/CREDITS.md")) {
      assertNotNull(in, "demo/media/CREDITS.md is shipped");
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static long count(List<StoryView> stories, String locale) {
    return stories.stream().filter(s -> s.translations().containsKey(locale)).count();
  }
}
