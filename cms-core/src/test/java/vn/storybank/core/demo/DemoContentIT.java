package vn.storybank.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

  private static long count(List<StoryView> stories, String locale) {
    return stories.stream().filter(s -> s.translations().containsKey(locale)).count();
  }
}
