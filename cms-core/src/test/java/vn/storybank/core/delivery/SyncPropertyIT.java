package vn.storybank.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.Actor;
import vn.storybank.core.channel.ChannelInput;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.entry.WorkflowAction;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.Json;
import vn.storybank.core.snapshot.EntrySnapshot;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.testing.TestContent;
import vn.storybank.core.testing.TestDatabases;

/**
 * A partner that applies every sync page, while another thread creates, edits, publishes,
 * unpublishes, re-files and deletes stories at random, ends with exactly what the channel shows:
 * the same entries, each with the text now published. Three channels: Vietnamese only, English
 * falling back to Vietnamese, and one filtered by pillar.
 */
class SyncPropertyIT {
  private static final String T = TestContent.TENANT;
  private static final Actor A = TestContent.ACTOR;

  @Test
  void aPartnerApplyingEverySyncPageEndsWithTheChannelsPublishedSet(@TempDir Path dir)
      throws Exception {
    try (Storybank storybank = Storybank.start(TestDatabases.h2(dir), Clock.systemUTC())) {
      TestContent.laoCai(storybank);
      storybank
          .channels()
          .put(
              T, "vi-only", channel(new ChannelInput.LocaleInput("vi", null, true), null), null, A);
      storybank
          .channels()
          .put(
              T,
              "en-fallback",
              channel(new ChannelInput.LocaleInput("en", List.of("vi"), false), null),
              null,
              A);
      storybank
          .channels()
          .put(
              T,
              "sapa",
              channel(new ChannelInput.LocaleInput("vi", null, false), List.of("sapa-destination")),
              null,
              A);
      for (long seed = 1; seed <= 3; seed++) {
        run(storybank, new Random(seed), 150);
      }
    }
  }

  private static void run(Storybank storybank, Random random, int operations) throws Exception {
    Map<String, Partner> partners = new TreeMap<>();
    for (String code : List.of("vi-only", "en-fallback", "sapa")) {
      partners.put(code, new Partner(storybank, code));
    }
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Throwable> failures = new ArrayList<>();
    Thread editor =
        new Thread(
            () -> {
              try {
                edit(storybank, random, operations);
              } catch (Throwable t) {
                failures.add(t);
              } finally {
                writing.set(false);
              }
            });
    editor.start();
    Random pace = new Random(random.nextLong());
    while (writing.get()) {
      for (Partner partner : partners.values()) {
        partner.page(1 + pace.nextInt(7));
      }
    }
    editor.join();
    assertEquals(List.of(), failures);
    for (Partner partner : partners.values()) {
      partner.catchUp();
      assertEquals(expected(storybank, partner.code), partner.held, "channel " + partner.code);
    }
  }

  /** Random writes: the ids live at any moment are kept to pick from. */
  private static void edit(Storybank storybank, Random random, int operations) {
    var stories = storybank.stories();
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < operations; i++) {
      int op = ids.isEmpty() ? 0 : random.nextInt(10);
      UUID id = ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
      String locale = random.nextBoolean() ? "vi" : "en";
      switch (op) {
        case 0, 1 -> {
          var input = TestContent.story("destination", "Câu chuyện " + i);
          ids.add(stories.create(T, input, A).header().id());
        }
        case 2, 3, 4 -> {
          if (locale.equals("en") || random.nextBoolean()) {
            stories.putTranslation(
                T, id, locale, TestContent.text("Bản " + i + " " + locale), null, A);
          }
          actIfAllowed(() -> stories.review().act(T, id, locale, WorkflowAction.PUBLISH, null, A));
        }
        case 5 -> {
          var translation = stories.get(T, id, Actor.superAdmin()).translations().get(locale);
          if (translation != null && translation.liveRevision() != null) {
            stories.review().act(T, id, locale, WorkflowAction.UNPUBLISH, null, A);
          }
        }
        case 6, 7 -> stories.putTranslation(T, id, "vi", TestContent.text("Sửa " + i), null, A);
        case 8 -> {
          ObjectNode patch = Json.mapper().createObjectNode();
          var pillars = patch.putArray("pillars");
          if (random.nextBoolean()) {
            pillars.add("sapa-destination");
          }
          stories.patch(T, id, patch, null, A);
        }
        default -> {
          stories.delete(T, id, null, A);
          ids.remove(id);
        }
      }
    }
  }

  /** A workflow step that the translation's state may not allow (409): the editor moves on. */
  private static void actIfAllowed(Runnable step) {
    try {
      step.run();
    } catch (StorybankException e) {
      if (e.kind() != ErrorKind.CONFLICT) {
        throw e;
      }
    }
  }

  /**
   * What each channel shows now, worked out from the stored entries independently of the delivery
   * code: id to the live title served per locale.
   */
  private static Map<UUID, Map<String, String>> expected(Storybank storybank, String code) {
    var channel = storybank.channels().get(T, code, TestContent.ACTOR);
    List<UUID> ids = new ArrayList<>();
    UUID after = null;
    while (true) {
      var page = storybank.snapshots().page(after, 200);
      if (page.isEmpty()) {
        break;
      }
      page.forEach(e -> ids.add(e.id()));
      after = page.get(page.size() - 1).id();
    }
    Map<UUID, Map<String, String>> expected = new TreeMap<>();
    for (EntrySnapshot entry : storybank.snapshots().load(ids)) {
      boolean inFilter =
          channel.filter().pillars().isEmpty()
              || entry.terms().stream()
                  .anyMatch(
                      t ->
                          t.kind() == TermKind.PILLAR
                              && channel.filter().pillars().contains(t.code()));
      if (!entry.tenant().equals(T) || entry.type() != EntryType.STORY || !inFilter) {
        continue;
      }
      Map<String, String> texts = new TreeMap<>();
      for (var locale : channel.locales()) {
        for (String candidate : channel.chain(locale.tag())) {
          var live =
              entry.translations().stream()
                  .filter(t -> t.locale().equals(candidate) && t.live() != null)
                  .findFirst();
          if (live.isPresent()) {
            texts.put(locale.tag(), live.get().live().title());
            break;
          }
        }
      }
      if (!texts.isEmpty()) {
        expected.put(entry.id(), texts);
      }
    }
    return expected;
  }

  private static ChannelInput channel(ChannelInput.LocaleInput locale, List<String> pillars) {
    return new ChannelInput(
        "test",
        "public",
        List.of(locale),
        new ChannelInput.Filter(List.of("story"), null, pillars, null),
        null,
        List.of("sync"));
  }

  /** A partner's local copy: id to the title per locale, updated only from sync pages. */
  private static final class Partner {
    final Storybank storybank;
    final String code;
    final Map<UUID, Map<String, String>> held = new TreeMap<>();
    String token;
    boolean more = true;

    Partner(Storybank storybank, String code) {
      this.storybank = storybank;
      this.code = code;
    }

    void page(int limit) {
      SyncPage page = storybank.sync().sync(T, code, token, limit);
      for (SyncPage.Item item : page.items()) {
        Map<String, String> texts = new TreeMap<>();
        item.locales().forEach((locale, d) -> texts.put(locale, d.text().title()));
        held.put(item.id(), texts);
      }
      page.deleted().forEach(t -> held.remove(t.id()));
      token = page.next();
      more = page.more();
    }

    void catchUp() {
      page(50);
      while (more) {
        page(50);
      }
      int before = held.size();
      page(50);
      assertTrue(held.size() == before && !more, "a caught-up sync has nothing more");
    }
  }
}
