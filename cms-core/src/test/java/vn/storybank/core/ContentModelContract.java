package vn.storybank.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.storybank.core.account.Actor;
import vn.storybank.core.changelog.ChangeView;
import vn.storybank.core.changelog.Operation;
import vn.storybank.core.collection.CollectionInput;
import vn.storybank.core.entry.ListQuery;
import vn.storybank.core.entry.TranslationInput;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.entry.TranslationView;
import vn.storybank.core.entry.WorkflowAction;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.FieldError;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.Json;
import vn.storybank.core.media.MediaInput;
import vn.storybank.core.persistence.Page;
import vn.storybank.core.product.ProductInput;
import vn.storybank.core.product.ProductView;
import vn.storybank.core.story.StoryInput;
import vn.storybank.core.story.StoryView;
import vn.storybank.core.testing.TestContent;

/** The content model's behaviour, run against each database Storybank supports. */
abstract class ContentModelContract extends StorybankContract {
  @Test
  void storyIsStoredWithSlugFromTitleWithoutDiacritics() {
    StoryView created =
        storybank
            .stories()
            .create(T, TestContent.story("destination", "Đường lên Sa Pa mùa lúa chín"), ACTOR);
    StoryView read = storybank.stories().get(T, created.header().id(), Actor.superAdmin());
    assertEquals("duong-len-sa-pa-mua-lua-chin", read.translations().get("vi").slug());
    assertEquals(List.of("sapa-destination"), read.pillars());
    assertEquals(List.of("sa-pa"), read.places());
    assertEquals(ACTOR.recordedName(), read.header().createdBy());
    assertEquals(0, read.header().version());
    assertEquals(TranslationStatus.DRAFT, read.translations().get("vi").status());

    StoryView twin =
        storybank
            .stories()
            .create(T, TestContent.story("destination", "Đường lên Sa Pa mùa lúa chín"), ACTOR);
    assertEquals("duong-len-sa-pa-mua-lua-chin-2", twin.translations().get("vi").slug());
  }

  @Test
  void invalidStoryListsEveryFieldAndWritesNothing() {
    long before = storybank.changes().after(T, 0, 1000, TestContent.ACTOR).size();
    StoryInput bad =
        new StoryInput(
            "not-a-kind",
            List.of("no-such-pillar"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            null,
            UUID.randomUUID(),
            List.of(),
            List.of(),
            null,
            null,
            Map.of("fr", TestContent.text("Bonjour"), "vi", TestContent.text(" ")));
    StorybankException e =
        assertThrows(StorybankException.class, () -> storybank.stories().create(T, bad, ACTOR));
    assertEquals(ErrorKind.INVALID, e.kind());
    Set<String> fields = new HashSet<>(e.fieldErrors().stream().map(FieldError::field).toList());
    assertTrue(fields.contains("kind"), fields.toString());
    assertTrue(fields.contains("pillars[0]"), fields.toString());
    assertTrue(fields.contains("heroMedia[0]"), fields.toString());
    assertTrue(fields.contains("translations.fr"), fields.toString());
    assertTrue(fields.contains("translations.vi.title"), fields.toString());
    assertEquals(before, storybank.changes().after(T, 0, 1000, TestContent.ACTOR).size());
    assertEquals(
        0, storybank.stories().list(T, ListQuery.firstPage(10), Actor.superAdmin()).items().size());
  }

  @Test
  void translationRecordsSourceRevisionAndPublishingIsLogged() throws Exception {
    UUID id = newStory("destination", "Bản Cát Cát");
    var saved =
        storybank
            .stories()
            .putTranslation(T, id, "EN", TestContent.text("Cat Cat village"), 0L, ACTOR);
    assertTrue(saved.created());
    assertEquals(1L, saved.value().translations().get("en").sourceRevision());
    assertEquals("cat-cat-village", saved.value().translations().get("en").slug());

    storybank
        .stories()
        .putTranslation(T, id, "vi", TestContent.text("Bản Cát Cát mùa xuân"), null, ACTOR);
    StoryView stale = storybank.stories().get(T, id, Actor.superAdmin());
    assertEquals(2, stale.translations().get("vi").revision());
    assertEquals(1L, stale.translations().get("en").sourceRevision(), "made from revision 1");
    var retranslated =
        storybank
            .stories()
            .patch(
                T,
                id,
                Json.mapper()
                    .readTree("{\"translations\":{\"en\":{\"title\":\"Cat Cat in spring\"}}}"),
                null,
                ACTOR);
    assertEquals(2L, retranslated.translations().get("en").sourceRevision());
    StorybankException sourceRemoved =
        assertThrows(
            StorybankException.class,
            () ->
                storybank
                    .stories()
                    .patch(
                        T,
                        id,
                        Json.mapper().readTree("{\"translations\":{\"vi\":null}}"),
                        null,
                        ACTOR));
    assertEquals("translations.vi", sourceRemoved.fieldErrors().get(0).field());
    UUID alone = newStory("destination", "Chỉ có tiếng Việt");
    StorybankException onlyOne =
        assertThrows(
            StorybankException.class,
            () -> storybank.stories().deleteTranslation(T, alone, "vi", null, ACTOR));
    assertEquals(ErrorKind.CONFLICT, onlyOne.kind());

    StoryView published =
        storybank.stories().review().act(T, id, "en", WorkflowAction.PUBLISH, null, ACTOR);
    assertEquals(TranslationStatus.PUBLISHED, published.translations().get("en").status());
    assertNotNull(published.translations().get("en").publishedAt());

    List<ChangeView> changes = storybank.changes().after(T, 0, 1000, TestContent.ACTOR);
    ChangeView last = changes.get(changes.size() - 1);
    assertEquals(Operation.PUBLISH, last.operation());
    assertEquals("en", last.locale());
    assertEquals(id, last.entityId());
    assertEquals(published.header().version(), last.revision());

    StorybankException locale =
        assertThrows(
            StorybankException.class,
            () ->
                storybank
                    .stories()
                    .putTranslation(T, id, "ko", TestContent.text("x"), null, ACTOR));
    assertTrue(locale.getMessage().contains("not enabled"), locale.getMessage());
  }

  /**
   * Every text field is stored in and read from the one embedded text value; saving the same text
   * again makes no revision, and a translation without keywords shows none.
   */
  @Test
  void everyTextFieldComesBackAsWrittenAndTheSameTextMakesNoRevision() {
    UUID id =
        storybank
            .stories()
            .create(T, TestContent.story("destination", "Ruộng bậc thang"), ACTOR)
            .header()
            .id();
    TranslationInput full =
        new TranslationInput(
            "Mù Cang Chải mùa nước đổ",
            "Tháng năm",
            "Nước về ruộng bậc thang",
            "<p>Ruộng <strong>bậc thang</strong></p>",
            "mu-cang-chai-mua-nuoc-do",
            "Mù Cang Chải",
            "Mùa nước đổ ở Yên Bái",
            List.of("lúa", "mùa nước đổ"),
            "Ruộng lúc bình minh",
            "Ruộng bậc thang đầy nước",
            null,
            null);
    storybank.stories().putTranslation(T, id, "en", full, null, ACTOR);
    TranslationView en = storybank.stories().get(T, id, ACTOR).translations().get("en");
    assertEquals(
        List.of(
            full.title(),
            full.subtitle(),
            full.summary(),
            full.body(),
            full.slug(),
            full.seoTitle(),
            full.seoDescription(),
            full.caption(),
            full.altText()),
        List.of(
            en.title(),
            en.subtitle(),
            en.summary(),
            en.body(),
            en.slug(),
            en.seoTitle(),
            en.seoDescription(),
            en.caption(),
            en.altText()));
    assertEquals(List.of("lúa", "mùa nước đổ"), en.keywords());

    storybank.stories().putTranslation(T, id, "en", full, null, ACTOR);
    assertEquals(
        en.revision(), storybank.stories().get(T, id, ACTOR).translations().get("en").revision());
    assertNull(storybank.stories().get(T, id, ACTOR).translations().get("vi").keywords());
  }

  @Test
  void bootstrapAdminPasswordIsGeneratedOnceAndVerified() {
    var generated = storybank.users().ensureAdmin(java.util.Optional.empty());
    assertTrue(generated.isPresent());
    assertTrue(storybank.signIn().authenticate("admin", generated.get()));
    assertFalse(storybank.signIn().authenticate("admin", "wrong"));
    assertTrue(storybank.users().ensureAdmin(java.util.Optional.empty()).isEmpty(), "only once");
    storybank.users().ensureAdmin(java.util.Optional.of("chosen-password"));
    assertTrue(storybank.signIn().authenticate("admin", "chosen-password"));
  }

  @Test
  void aChosenSlugMustBeFree() {
    storybank.stories().create(T, TestContent.story("destination", "Sa Pa"), ACTOR);
    UUID other = newStory("destination", "Bắc Hà");
    TranslationInput taken =
        new TranslationInput(
            "Bắc Hà", null, null, null, "sa-pa", null, null, List.of(), null, null, null, null);
    StorybankException e =
        assertThrows(
            StorybankException.class,
            () -> storybank.stories().putTranslation(T, other, "vi", taken, null, ACTOR));
    assertEquals("slug", e.fieldErrors().get(0).field());
    assertEquals(
        "bac-ha",
        storybank.stories().get(T, other, Actor.superAdmin()).translations().get("vi").slug());
  }

  @Test
  void minorityLanguageWithoutCldrDataWorksLikeAnyOther() {
    UUID id = newStory("festival-event", "Lễ hội Gầu Tào");
    var saved =
        storybank
            .stories()
            .putTranslation(T, id, "hnj", TestContent.text("Noj Peb Caug"), null, ACTOR);
    assertEquals("noj-peb-caug", saved.value().translations().get("hnj").slug());
  }

  @Test
  void patchIsAJsonMergePatchAndStaleVersionsAreRefused() throws Exception {
    UUID id = newStory("destination", "Thác Bạc");
    storybank
        .stories()
        .putTranslation(T, id, "en", TestContent.text("Silver waterfall"), null, ACTOR);
    var patch =
        Json.mapper().readTree("{\"kind\":\"historical-relic\",\"translations\":{\"en\":null}}");
    StoryView patched = storybank.stories().patch(T, id, patch, 1L, ACTOR);
    assertEquals("historical-relic", patched.kind());
    assertEquals(Set.of("vi"), patched.translations().keySet());
    assertEquals("Thác Bạc", patched.translations().get("vi").title());

    StorybankException stale =
        assertThrows(
            StorybankException.class, () -> storybank.stories().patch(T, id, patch, 1L, ACTOR));
    assertEquals(ErrorKind.STALE_VERSION, stale.kind());

    var unknown = Json.mapper().readTree("{\"colour\":\"red\"}");
    StorybankException e =
        assertThrows(
            StorybankException.class, () -> storybank.stories().patch(T, id, unknown, null, ACTOR));
    assertEquals(ErrorKind.INVALID, e.kind());
    assertTrue(e.getMessage().contains("colour"), e.getMessage());
  }

  /**
   * Writers racing on one version of an entry: exactly one wins, every other one hears 412 (reload
   * and retry), never a 409 naming a database constraint, for a patch, a new translation and a
   * changed one alike.
   */
  @Test
  void racingWritesOfOneEntryLoseWithStaleVersion() throws Exception {
    int writers = 4;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(writers);
    try {
      for (int round = 0; round < 3; round++) {
        UUID id = newStory("destination", "Cầu Mây " + round);
        long version = storybank.stories().get(T, id, Actor.superAdmin()).header().version();
        int r = round;
        assertOneWins(
            pool,
            writers,
            i ->
                storybank
                    .stories()
                    .patch(
                        T,
                        id,
                        Json.mapper()
                            .readTree(
                                "{\"translations\":{\"vi\":{\"title\":\"Cầu Mây "
                                    + r
                                    + " lần "
                                    + i
                                    + "\"}}}"),
                        version,
                        ACTOR));
        long patched = storybank.stories().get(T, id, Actor.superAdmin()).header().version();
        assertOneWins(
            pool,
            writers,
            i ->
                storybank
                    .stories()
                    .putTranslation(
                        T, id, "en", TestContent.text("Rattan bridge " + i), patched, ACTOR));
        long translated = storybank.stories().get(T, id, Actor.superAdmin()).header().version();
        assertOneWins(
            pool,
            writers,
            i ->
                storybank
                    .stories()
                    .putTranslation(
                        T,
                        id,
                        "en",
                        TestContent.text("Rattan bridge, take " + i),
                        translated,
                        ACTOR));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private interface Write {
    void run(int writer) throws Exception;
  }

  private static void assertOneWins(
      java.util.concurrent.ExecutorService pool, int writers, Write write) throws Exception {
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<String>> outcomes = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      int writer = i;
      outcomes.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  write.run(writer);
                  return "ok";
                } catch (StorybankException e) {
                  return e.kind() + ": " + e.getMessage();
                }
              }));
    }
    start.countDown();
    List<String> results = new ArrayList<>();
    for (var outcome : outcomes) {
      results.add(outcome.get(60, java.util.concurrent.TimeUnit.SECONDS));
    }
    assertEquals(1, results.stream().filter("ok"::equals).count(), results.toString());
    assertTrue(
        results.stream().allMatch(r -> r.equals("ok") || r.startsWith("STALE_VERSION:")),
        results.toString());
  }

  @Test
  void listFiltersAndCursorPagination() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      ids.add(
          storybank
              .stories()
              .create(
                  T,
                  TestContent.story(
                      i % 2 == 0 ? "destination" : "festival-event", "Câu chuyện số " + i),
                  ACTOR)
              .header()
              .id());
    }
    storybank
        .stories()
        .putTranslation(T, ids.get(0), "en", TestContent.text("Story zero"), null, ACTOR);
    storybank.stories().review().act(T, ids.get(0), "en", WorkflowAction.PUBLISH, null, ACTOR);

    List<UUID> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<StoryView> page =
          storybank
              .stories()
              .list(
                  T,
                  new ListQuery(
                      null, null, null, null, null, null, null, null, null, null, null, null, null,
                      10, cursor),
                  Actor.superAdmin());
      page.items().forEach(s -> seen.add(s.header().id()));
      cursor = page.next();
      pages++;
    } while (cursor != null);
    assertEquals(3, pages);
    assertEquals(25, new HashSet<>(seen).size());
    assertEquals(ids.get(0), seen.get(0), "newest change first");

    assertEquals(
        13,
        count(
            new ListQuery(
                "destination",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                200,
                null)));
    assertEquals(
        25,
        count(
            new ListQuery(
                null,
                "sapa-destination",
                null,
                "lao-cai",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                200,
                null)),
        "a province finds its communes' stories");
    assertEquals(
        24,
        count(
            new ListQuery(
                null, null, null, null, null, null, null, null, "en", null, null, null, null, 200,
                null)));
    assertEquals(
        1,
        count(
            new ListQuery(
                null,
                null,
                null,
                null,
                null,
                null,
                TranslationStatus.PUBLISHED,
                "en",
                null,
                null,
                null,
                null,
                null,
                200,
                null)));
    assertEquals(
        1,
        count(
            new ListQuery(
                null, null, null, null, null, null, null, null, null, null, "SỐ 12", null, null,
                200, null)));
    StorybankException e =
        assertThrows(
            StorybankException.class,
            () ->
                count(
                    new ListQuery(
                        null, "nope", null, null, null, null, null, null, null, null, null, null,
                        null, 10, null)));
    assertEquals(ErrorKind.INVALID, e.kind());
  }

  private UUID newStory(String kind, String viTitle) {
    return storybank.stories().create(T, TestContent.story(kind, viTitle), ACTOR).header().id();
  }

  private int count(ListQuery query) {
    return storybank.stories().list(T, query, Actor.superAdmin()).items().size();
  }

  @Test
  void linkedEntriesCannotBeDeletedAndDeletionsAreLogged() {
    StoryView a =
        storybank.stories().create(T, TestContent.story("destination", "Fansipan"), ACTOR);
    StoryView b =
        storybank
            .stories()
            .create(T, TestContent.storyLinkingTo(a.header().id(), "Cáp treo Fansipan"), ACTOR);
    StorybankException e =
        assertThrows(
            StorybankException.class,
            () -> storybank.stories().delete(T, a.header().id(), null, ACTOR));
    assertEquals(ErrorKind.CONFLICT, e.kind());

    storybank.stories().delete(T, b.header().id(), null, ACTOR);
    storybank.stories().delete(T, a.header().id(), null, ACTOR);
    assertEquals(
        ErrorKind.NOT_FOUND,
        assertThrows(
                StorybankException.class,
                () -> storybank.stories().get(T, a.header().id(), Actor.superAdmin()))
            .kind());
    List<ChangeView> changes = storybank.changes().after(T, 0, 1000, TestContent.ACTOR);
    assertEquals(Operation.DELETE, changes.get(changes.size() - 1).operation());
  }

  @Test
  void ocopStarsAreThreeFourOrFive() {
    ProductInput twoStars = product(2);
    StorybankException e =
        assertThrows(
            StorybankException.class, () -> storybank.products().create(T, twoStars, ACTOR));
    assertEquals("ocop.stars", e.fieldErrors().get(0).field());
    ProductView four = storybank.products().create(T, product(4), ACTOR);
    assertEquals(4, four.ocop().stars());
    assertEquals("ruou-ngo-bac-ha", four.translations().get("vi").slug());
    assertEquals(
        1,
        storybank
            .products()
            .list(
                T,
                new ListQuery(
                    null, null, null, null, null, null, null, null, null, null, null, 4, null, 20,
                    null),
                Actor.superAdmin())
            .items()
            .size());
    assertEquals(
        0,
        storybank
            .products()
            .list(
                T,
                new ListQuery(
                    null, null, null, null, null, null, null, null, null, null, null, 5, null, 20,
                    null),
                Actor.superAdmin())
            .items()
            .size());
  }

  static ProductInput product(int stars) {
    return new ProductInput(
        "beverage",
        new ProductInput.Producer("HTX Rượu ngô Bắc Hà", "cooperative", null),
        "sa-pa",
        new ProductInput.Ocop(stars, 2023, "DEMO-1"),
        new ProductInput.PriceRange(150000L, 300000L, "VND"),
        List.of(new ProductInput.WhereToBuy("Shop", "https://shop.example.vn/ruou", "shopee")),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Map.of("vi", TestContent.text("Rượu ngô Bắc Hà")));
  }

  @Test
  void collectionsHoldOrderedItemsOfAnyType() {
    StoryView story =
        storybank.stories().create(T, TestContent.story("destination", "Y Tý"), ACTOR);
    var media =
        storybank
            .media()
            .create(
                T,
                new MediaInput(
                    "photo",
                    "Ảnh: Sở VHTTDL",
                    null,
                    "CC BY 4.0",
                    null,
                    true,
                    false,
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    List.of("sa-pa"),
                    List.of(),
                    List.of(),
                    Map.of(
                        "vi",
                        new TranslationInput(
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            List.of(),
                            "Ruộng bậc thang",
                            "Ruộng bậc thang mùa nước đổ",
                            null,
                            null))),
                ACTOR);
    var collection =
        storybank
            .collections()
            .create(
                T,
                new CollectionInput(
                    "press-kit",
                    List.of(media.header().id(), story.header().id()),
                    List.of(),
                    Map.of("vi", TestContent.text("Bộ tư liệu báo chí"))),
                ACTOR);
    assertEquals(List.of(media.header().id(), story.header().id()), collection.items());
    assertNull(media.translations().get("vi").slug(), "a media asset without a title has no slug");

    StorybankException consent =
        assertThrows(
            StorybankException.class,
            () ->
                storybank
                    .media()
                    .create(
                        T,
                        new MediaInput(
                            "photo",
                            null,
                            null,
                            null,
                            null,
                            false,
                            true,
                            null,
                            null,
                            List.of(),
                            null,
                            null,
                            List.of(),
                            List.of(),
                            List.of(),
                            Map.of("vi", TestContent.text("x"))),
                        ACTOR));
    assertEquals("consentObtained", consent.fieldErrors().get(0).field());
  }
}
