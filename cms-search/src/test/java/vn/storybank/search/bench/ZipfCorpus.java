package vn.storybank.search.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import vn.storybank.core.json.Json;
import vn.storybank.core.story.StoryKinds;

/**
 * A deterministic corpus for the search benchmark whose words follow Zipf's law, as words of real
 * text do: a few very common, most rare. Vietnamese syllables are built from real onsets, rhymes
 * and the six tones (several thousand distinct syllables, like the language); English-like words
 * from letter patterns; Chinese from the 3,000 most common code points of the CJK block. A corpus
 * of a few dozen words would make every query match every document, which no real bank does.
 */
public final class ZipfCorpus {
  public static final String TENANT = "bench-search";
  public static final List<String> LOCALES = List.of("vi", "en", "zh-Hans");
  private static final String[] ONSETS = {
    "", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "p", "ph",
    "qu", "r", "s", "t", "th", "tr", "v", "x"
  };
  private static final String[] RHYMES = {
    "a", "ai", "am", "an", "ang", "anh", "ao", "au", "ay", "ac", "ach", "at", "e", "em", "en", "eo",
    "ep", "et", "i", "ia", "im", "in", "inh", "it", "iu", "o", "oa", "oai", "oan", "oang", "oc",
    "oi", "om", "on", "ong", "ot", "u", "ua", "uc", "ui", "um", "un", "ung", "uoi", "uong", "uyen",
    "ươ", "ương", "ươc", "ưa", "ưng", "ưu", "ơi", "ơn", "âm", "ân", "âu", "ây", "ăn", "ăng", "ên",
    "ênh", "ôi", "ông"
  };
  private static final String[] TONES = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};

  final List<String> vietnamese;
  final List<String> english;
  final List<String> chinese;
  private final double[] zipf;

  public ZipfCorpus(long seed) {
    Random random = new Random(seed);
    Set<String> syllables = new LinkedHashSet<>();
    for (String onset : ONSETS) {
      for (String rhyme : RHYMES) {
        for (String tone : TONES) {
          // The tone mark goes on the rhyme's first vowel: close enough for search.
          syllables.add(
              Normalizer.normalize(
                  onset + rhyme.charAt(0) + tone + rhyme.substring(1), Normalizer.Form.NFC));
        }
      }
    }
    vietnamese = shuffled(new ArrayList<>(syllables), random);
    Set<String> words = new LinkedHashSet<>();
    String consonants = "bcdfghjklmnprstvwz";
    String vowels = "aeiou";
    while (words.size() < 20_000) {
      StringBuilder word = new StringBuilder();
      int length = 2 + random.nextInt(3);
      for (int i = 0; i < length; i++) {
        word.append(consonants.charAt(random.nextInt(consonants.length())));
        word.append(vowels.charAt(random.nextInt(vowels.length())));
      }
      if (random.nextBoolean()) {
        word.append(consonants.charAt(random.nextInt(consonants.length())));
      }
      words.add(word.toString());
    }
    english = new ArrayList<>(words);
    List<String> han = new ArrayList<>();
    for (int c = 0x4E00; c < 0x4E00 + 3000; c++) {
      han.add(Character.toString(c));
    }
    chinese = shuffled(han, random);
    int size = Math.max(vietnamese.size(), english.size());
    zipf = new double[size];
    double sum = 0;
    for (int rank = 1; rank <= size; rank++) {
      sum += 1.0 / rank;
      zipf[rank - 1] = sum;
    }
  }

  private static List<String> shuffled(List<String> list, Random random) {
    java.util.Collections.shuffle(list, random);
    return List.copyOf(list);
  }

  /** A word of the vocabulary, drawn with probability proportional to 1 / rank. */
  String word(List<String> vocabulary, Random random) {
    double total = zipf[vocabulary.size() - 1];
    double target = random.nextDouble() * total;
    int low = 0;
    int high = vocabulary.size() - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (zipf[mid] < target) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return vocabulary.get(low);
  }

  public String text(String locale, Random random, int words) {
    List<String> vocabulary = vocabulary(locale);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0 && !locale.startsWith("zh")) {
        text.append(' ');
      }
      text.append(word(vocabulary, random));
    }
    return text.toString();
  }

  List<String> vocabulary(String locale) {
    return switch (locale) {
      case "vi" -> vietnamese;
      case "en" -> english;
      default -> chinese;
    };
  }

  /** Writes the tenant, its terms and {@code entries} stories with three translations each. */
  void write(Path file, int entries, long seed) throws IOException {
    Random random = new Random(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      ObjectNode tenant = Json.mapper().createObjectNode().put("type", "tenant");
      tenant.putObject("names").put("vi", "Tỉnh đo tìm kiếm");
      tenant.put("sourceLocale", "vi");
      var locales = tenant.putArray("locales");
      for (String tag : LOCALES) {
        var fallbacks = locales.addObject().put("tag", tag).putArray("fallbacks");
        if (!tag.equals("vi")) {
          fallbacks.add("vi");
        }
      }
      tenant.put("timeZone", "Asia/Ho_Chi_Minh");
      line(out, tenant);
      line(out, term("places", "province", "Tỉnh", null));
      for (int c = 0; c < 100; c++) {
        line(out, term("places", "commune-" + c, "Xã " + text("vi", random, 2), "province"));
      }
      for (int t = 0; t < 30; t++) {
        line(out, term("topics", "topic-" + t, "Chủ đề " + text("vi", random, 2), null));
      }
      for (String group :
          List.of("hmong", "dao", "tay", "giay", "ha-nhi", "thai", "nung", "kinh")) {
        line(out, term("ethnic-groups", group, group, null));
      }
      for (int i = 0; i < entries; i++) {
        ObjectNode story = Json.mapper().createObjectNode().put("type", "story");
        story.put("id", new UUID(0x5e4c_0000_0000_0000L | i, random.nextLong()).toString());
        story.put("kind", StoryKinds.ALL.get(random.nextInt(StoryKinds.ALL.size())));
        story.putArray("places").add("commune-" + random.nextInt(100));
        story
            .putArray("topics")
            .add("topic-" + random.nextInt(30))
            .add("topic-" + random.nextInt(30));
        story
            .putArray("ethnicGroups")
            .add(
                List.of("hmong", "dao", "tay", "giay", "ha-nhi", "thai", "nung", "kinh")
                    .get(random.nextInt(8)));
        story.put(
            "eventDate",
            java.time.LocalDate.of(
                    2015 + random.nextInt(11), 1 + random.nextInt(12), 1 + random.nextInt(28))
                .toString());
        story
            .putObject("geo")
            .put("lat", 21.5 + random.nextDouble())
            .put("lon", 103.5 + random.nextDouble());
        ObjectNode translations = story.putObject("translations");
        for (String locale : LOCALES) {
          ObjectNode t = translations.putObject(locale);
          boolean cjk = locale.startsWith("zh");
          t.put("title", text(locale, random, cjk ? 8 : 7));
          t.put("summary", text(locale, random, cjk ? 40 : 30));
          t.put(
              "body",
              "<p>"
                  + text(locale, random, cjk ? 200 : 120)
                  + "</p><p>"
                  + text(locale, random, cjk ? 200 : 120)
                  + "</p>");
          t.put("status", random.nextInt(5) == 0 ? "draft" : "published");
        }
        line(out, story);
      }
    }
  }

  private static ObjectNode term(String kind, String code, String label, String parent) {
    ObjectNode term =
        Json.mapper().createObjectNode().put("type", "term").put("kind", kind).put("code", code);
    term.putObject("labels").put("vi", label);
    if (parent != null) {
      term.put("parent", parent);
    }
    return term;
  }

  private static void line(BufferedWriter out, ObjectNode node) throws IOException {
    out.write(Json.mapper().writeValueAsString(node));
    out.write('\n');
  }
}
