package vn.storybank.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.storybank.core.account.Actor;
import vn.storybank.core.bench.SyntheticCorpus;
import vn.storybank.core.changelog.ChangeView;
import vn.storybank.core.changelog.Operation;
import vn.storybank.core.entry.ListQuery;
import vn.storybank.core.entry.TranslationInput;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.Json;
import vn.storybank.core.json.JsonInputs;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.story.StoryView;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.transfer.ImportReport;

/** The change log and NDJSON import/export, run against each database Storybank supports. */
abstract class ChangeLogAndTransferContract extends StorybankContract {
  abstract DatabaseSettings secondDatabase();

  @Test
  void exportThenImportReproducesTheTenant() throws Exception {
    StoryView a = storybank.stories().create(T, TestContent.story("destination", "Sa Pa"), ACTOR);
    StoryView b =
        storybank.stories().create(T, TestContent.storyLinkingTo(a.header().id(), "Bắc Hà"), ACTOR);
    // a links back to b: a cycle, which an import must still accept.
    storybank
        .stories()
        .patch(
            T,
            a.header().id(),
            Json.mapper().readTree("{\"relatedStories\":[\"" + b.header().id() + "\"]}"),
            null,
            ACTOR);
    storybank.products().create(T, ContentModelContract.product(5), ACTOR);
    String exported = export(storybank);

    try (Storybank other = Storybank.start(secondDatabase(), Clock.systemUTC())) {
      ImportReport report =
          other
              .transfer()
              .importNdjson(
                  T,
                  new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8)),
                  true,
                  ACTOR);
      assertTrue(report.committed(), report.toString());
      assertEquals(0, report.failed(), report.toString());
      assertEquals(exported, export(other));
    }
  }

  private static String export(Storybank s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    s.transfer().exportNdjson(T, out, Actor.superAdmin());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void importKeepsGoodLinesAndReportsBadOnesByLineNumber() {
    String ndjson =
        String.join(
            "\n",
            story(UUID.randomUUID(), "destination", "Một"),
            "{not json",
            story(UUID.randomUUID(), "no-kind", "Hai"),
            "",
            story(UUID.randomUUID(), "destination", "Ba"));
    ImportReport report =
        storybank
            .transfer()
            .importNdjson(
                T, new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), false, ACTOR);
    assertEquals(4, report.lines());
    assertEquals(2, report.created());
    assertEquals(2, report.failed());
    assertEquals(List.of(2, 3), report.errors().stream().map(e -> e.line()).toList());
    assertEquals("kind", report.errors().get(1).errors().get(0).field());
    assertEquals(
        2, storybank.stories().list(T, ListQuery.firstPage(10), Actor.superAdmin()).items().size());

    ImportReport atomic =
        storybank
            .transfer()
            .importNdjson(
                T, new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), true, ACTOR);
    assertFalse(atomic.committed());
    assertEquals(2, atomic.failed());
    assertEquals(
        2, storybank.stories().list(T, ListQuery.firstPage(10), Actor.superAdmin()).items().size());
  }

  @Test
  void badTextOrBytesFailOnlyTheirLineAndTheGoodLinesAreKept() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write((story(UUID.randomUUID(), "destination", "Một") + "\n").getBytes(UTF_8));
    file.write((story(UUID.randomUUID(), "destination", "a\u0000b") + "\n").getBytes(UTF_8));
    file.write("{\"type\":\"story\",\"kind\":\"destination\",\"translations\":".getBytes(UTF_8));
    file.write(new byte[] {'{', '"', 'v', 'i', '"', ':', '{', '"', 't', 'i', 't', 'l', 'e', '"'});
    file.write(new byte[] {':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '}', '}', '\n'});
    file.write(
        ("{\"type\":\"term\",\"kind\":\"topics\",\"code\":\"bell\",\"labels\":{\"vi\":\"x\\u0007\"}}\n")
            .getBytes(UTF_8));
    ObjectNode keywords =
        (ObjectNode) Json.mapper().readTree(story(UUID.randomUUID(), "destination", "Dài"));
    ((ObjectNode) keywords.at("/translations/vi"))
        .putArray("keywords")
        .add("k".repeat(1500))
        .add("k".repeat(600));
    file.write((keywords + "\n").getBytes(UTF_8));
    file.write((story(UUID.randomUUID(), "destination", "Hai") + "\n").getBytes(UTF_8));

    ImportReport report =
        storybank
            .transfer()
            .importNdjson(T, new ByteArrayInputStream(file.toByteArray()), false, ACTOR);

    assertEquals(6, report.lines(), report.toString());
    assertEquals(2, report.created(), report.toString());
    assertEquals(List.of(2, 3, 4, 5), report.errors().stream().map(e -> e.line()).toList());
    assertEquals("translations.vi.title", report.errors().get(0).errors().get(0).field());
    assertTrue(report.errors().get(1).message().contains("UTF-8"), report.toString());
    assertEquals("labels.vi", report.errors().get(2).errors().get(0).field());
    assertEquals("translations.vi.keywords", report.errors().get(3).errors().get(0).field());
    assertEquals(
        2, storybank.stories().list(T, ListQuery.firstPage(10), Actor.superAdmin()).items().size());
  }

  @Test
  void largeImportCommitsEveryGoodLineAcrossParallelBatches() throws Exception {
    Path file = dir.resolve("corpus.ndjson");
    SyntheticCorpus.write(file, 2500, 2, 7L);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    int terms = lines.size() - 2500;
    lines.add(terms + 1500, "{\"type\":\"story\",\"kind\":\"destination\",\"translations\":{}}");
    byte[] body = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);

    ImportReport report =
        storybank.transfer().importNdjson("bench", new ByteArrayInputStream(body), false, ACTOR);
    assertEquals(1, report.failed(), report.errors().toString());
    assertEquals(terms + 1501, report.errors().get(0).line());
    assertEquals(terms + 2500, report.created());
    long stories =
        storybank.changes().after("bench", 0, 100_000, TestContent.ACTOR).stream()
            .filter(c -> c.entityType().equals("story") && c.operation() == Operation.CREATE)
            .count();
    assertEquals(2500, stories);

    ImportReport again =
        storybank.transfer().importNdjson("bench", new ByteArrayInputStream(body), false, ACTOR);
    assertEquals(0, again.created());
    assertEquals(terms + 2500, again.updated());
  }

  @Test
  void followerNeverSkipsACommittedChangeWhileManyWritersCommit() throws Exception {
    int writers = 6;
    int perWriter = 25;
    long start = lastSeq();
    AtomicBoolean writing = new AtomicBoolean(true);
    List<String> gaps = Collections.synchronizedList(new ArrayList<>());
    List<Long> followed = Collections.synchronizedList(new ArrayList<>());
    Thread follower =
        new Thread(
            () -> {
              long last = start;
              while (true) {
                boolean finalPass = !writing.get();
                List<ChangeView> page = storybank.changes().afterAll(last, 50);
                for (ChangeView change : page) {
                  if (change.seq() != last + 1) {
                    gaps.add(last + " -> " + change.seq());
                  }
                  last = change.seq();
                  followed.add(change.seq());
                }
                if (finalPass && page.isEmpty()) {
                  return;
                }
              }
            });
    follower.start();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    AtomicInteger rejected = new AtomicInteger();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < perWriter; i++) {
                  storybank
                      .stories()
                      .create(
                          T,
                          TestContent.story("destination", "Người viết " + writer + " bài " + i),
                          ACTOR);
                  if (i % 5 == 0) {
                    try {
                      storybank
                          .stories()
                          .create(T, TestContent.story("no-such-kind", "Bị từ chối"), ACTOR);
                    } catch (StorybankException e) {
                      rejected.incrementAndGet();
                    }
                  }
                }
              }));
    }
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    writing.set(false);
    follower.join(60_000);
    assertEquals(List.of(), gaps);
    assertEquals(writers * perWriter, followed.size());
    assertEquals(writers * 5, rejected.get());
    assertEquals(start + writers * perWriter, lastSeq());
  }

  /**
   * Apostrophes, quotes and the like come back as they were written, in plain-text fields and in
   * rich text, whichever way they were written: import, create, merge patch, translation PUT.
   */
  @Test
  void textComesBackAsWrittenOnEveryWritePath() throws Exception {
    String title = "Chợ H'Mông \"Sín Chéng\" @ a=b+c";
    String body = "<p>Người H'Mông \"Sín Chéng\" @ a=b+c &amp; &lt;</p>";

    UUID imported = UUID.randomUUID();
    ObjectNode line = (ObjectNode) Json.mapper().readTree(story(imported, "destination", title));
    ((ObjectNode) line.at("/translations/vi")).put("summary", title).put("body", body);
    ImportReport report =
        storybank
            .transfer()
            .importNdjson(T, new ByteArrayInputStream((line + "\n").getBytes(UTF_8)), false, ACTOR);
    assertEquals(1, report.created(), report.toString());
    assertWritten(storybank.stories().get(T, imported, ACTOR), "vi", title, body);

    ObjectNode created = Json.mapper().createObjectNode().put("kind", "destination");
    created.putObject("translations").putObject("vi").put("title", title).put("body", body);
    StoryView story =
        storybank
            .stories()
            .create(
                T, JsonInputs.convert(created, vn.storybank.core.story.StoryInput.class), ACTOR);
    assertWritten(story, "vi", title, body);

    ObjectNode patch = Json.mapper().createObjectNode();
    patch.putObject("translations").putObject("vi").put("summary", title).put("body", body + " ");
    StoryView patched = storybank.stories().patch(T, story.header().id(), patch, null, ACTOR);
    assertWritten(patched, "vi", title, body + " ");

    StoryView translated =
        storybank
            .stories()
            .putTranslation(
                T,
                story.header().id(),
                "en",
                new TranslationInput(
                    title,
                    title,
                    title,
                    body,
                    null,
                    title,
                    title,
                    List.of(title),
                    null,
                    null,
                    null,
                    null),
                null,
                ACTOR)
            .value();
    assertWritten(translated, "en", title, body);
    assertEquals(title, translated.translations().get("en").seoTitle());
    assertEquals(List.of(title), translated.translations().get("en").keywords());
  }

  private static void assertWritten(StoryView story, String locale, String text, String body) {
    var t = story.translations().get(locale);
    assertEquals(text, t.title());
    assertEquals(body, t.body());
    if (t.summary() != null && !t.summary().equals("Tóm tắt")) {
      assertEquals(text, t.summary());
    }
  }

  private long lastSeq() {
    List<ChangeView> all = storybank.changes().afterAll(0, 100_000);
    return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
  }

  static String story(UUID id, String kind, String title) {
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("type", "story").put("id", id.toString()).put("kind", kind);
    line.putObject("translations").putObject("vi").put("title", title);
    return line.toString();
  }
}
