package vn.storybank.core.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import vn.storybank.core.json.Json;
import vn.storybank.core.story.StoryKinds;

/**
 * A deterministic synthetic corpus for benchmarks: a tenant, its terms and N stories in M locales
 * with Vietnamese text (diacritics included), as NDJSON that the import reads. The same seed gives
 * the same file, byte for byte.
 *
 * <p>Usage: {@code SyntheticCorpus <file> <stories> <locales 1-5> [seed]}
 */
public final class SyntheticCorpus {
  static final String TENANT = "bench";
  private static final List<String> LOCALES = List.of("vi", "en", "zh-Hans", "ko", "hnj");
  private static final String[] VI_WORDS = {
    "ruộng",
    "bậc",
    "thang",
    "mùa",
    "lúa",
    "chín",
    "chợ",
    "phiên",
    "Bắc",
    "Hà",
    "đồng",
    "bào",
    "dân",
    "tộc",
    "Mông",
    "Dao",
    "Tày",
    "Giáy",
    "Hà",
    "Nhì",
    "núi",
    "rừng",
    "sương",
    "mù",
    "bản",
    "làng",
    "thổ",
    "cẩm",
    "lễ",
    "hội",
    "văn",
    "hóa",
    "cửa",
    "khẩu",
    "quốc",
    "tế",
    "du",
    "lịch",
    "cộng",
    "đồng",
    "sản",
    "phẩm",
    "OCOP",
    "chè",
    "shan",
    "tuyết",
    "cổ",
    "thụ",
    "mật",
    "ong",
    "rượu",
    "ngô",
    "thắng",
    "cố",
    "khèn",
    "xòe",
    "Thái",
    "đường",
    "đèo",
    "Ô",
    "Quy",
    "Hồ",
    "Fansipan",
    "Sa",
    "Pa",
    "Y",
    "Tý",
    "Mù",
    "Cang",
    "Chải",
    "người",
    "phụ",
    "nữ",
    "thêu",
    "dệt",
    "nhuộm",
    "chàm",
    "homestay",
    "đón",
    "khách",
    "trải",
    "nghiệm",
    "bền",
    "vững",
    "xanh"
  };
  private static final String[] EN_WORDS = {
    "terraced",
    "fields",
    "harvest",
    "season",
    "market",
    "highland",
    "village",
    "festival",
    "heritage",
    "border",
    "gate",
    "trade",
    "tea",
    "honey",
    "corn",
    "wine",
    "weaving",
    "indigo",
    "homestay",
    "visitors",
    "mountain",
    "cloud",
    "community",
    "tourism",
    "culture",
    "craft"
  };

  private SyntheticCorpus() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      throw new IllegalArgumentException(
          "usage: SyntheticCorpus <file> <stories> <locales> [seed]");
    }
    write(
        Path.of(args[0]),
        Integer.parseInt(args[1]),
        Integer.parseInt(args[2]),
        args.length > 3 ? Long.parseLong(args[3]) : 42L);
  }

  /** Writes the corpus; returns the number of lines. */
  public static int write(Path file, int stories, int locales, long seed) throws IOException {
    if (locales < 1 || locales > LOCALES.size()) {
      throw new IllegalArgumentException("locales must be 1-" + LOCALES.size());
    }
    Random random = new Random(seed);
    int lines = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      lines += writeTenant(out);
      lines += writeTerms(out);
      for (int i = 0; i < stories; i++) {
        line(out, story(random, i, locales));
        lines++;
      }
    }
    return lines;
  }

  private static int writeTenant(Writer out) throws IOException {
    ObjectNode tenant = Json.mapper().createObjectNode().put("type", "tenant");
    tenant.putObject("names").put("vi", "Tỉnh thử nghiệm").put("en", "Benchmark province");
    tenant.put("sourceLocale", "vi");
    ArrayNode locales = tenant.putArray("locales");
    for (String tag : LOCALES) {
      ObjectNode locale = locales.addObject().put("tag", tag);
      ArrayNode fallbacks = locale.putArray("fallbacks");
      if (!tag.equals("vi")) {
        fallbacks.add("vi");
      }
    }
    tenant.put("timeZone", "Asia/Ho_Chi_Minh");
    line(out, tenant);
    return 1;
  }

  private static int writeTerms(Writer out) throws IOException {
    int n = 0;
    for (int p = 0; p < 3; p++) {
      line(out, term("pillars", "pillar-" + p, "Trụ cột " + p, null));
      n++;
    }
    line(out, term("places", "province", "Tỉnh", null));
    n++;
    for (int c = 0; c < 20; c++) {
      line(out, term("places", "commune-" + c, "Xã số " + c, "province"));
      n++;
    }
    for (String group : List.of("hmong", "dao", "tay", "giay", "ha-nhi", "thai")) {
      line(out, term("ethnic-groups", group, group, null));
      n++;
    }
    return n;
  }

  private static ObjectNode term(String kind, String code, String label, String parent) {
    ObjectNode term = Json.mapper().createObjectNode().put("type", "term").put("kind", kind);
    term.put("code", code);
    term.putObject("labels").put("vi", label);
    if (parent != null) {
      term.put("parent", parent);
    }
    return term;
  }

  private static ObjectNode story(Random random, int index, int locales) {
    ObjectNode story = Json.mapper().createObjectNode().put("type", "story");
    story.put("id", new UUID(0x5b0a_0000_0000_0000L | index, random.nextLong()).toString());
    story.put("kind", StoryKinds.ALL.get(random.nextInt(StoryKinds.ALL.size())));
    story.putArray("pillars").add("pillar-" + random.nextInt(3));
    story.putArray("places").add("commune-" + random.nextInt(20));
    story
        .putArray("ethnicGroups")
        .add(List.of("hmong", "dao", "tay", "giay", "ha-nhi", "thai").get(random.nextInt(6)));
    story
        .putObject("geo")
        .put("lat", 21.5 + random.nextDouble())
        .put("lon", 103.5 + random.nextDouble());
    ObjectNode translations = story.putObject("translations");
    for (int l = 0; l < locales; l++) {
      String tag = LOCALES.get(l);
      String[] words = tag.equals("vi") || tag.equals("hnj") ? VI_WORDS : EN_WORDS;
      ObjectNode t = translations.putObject(tag);
      t.put("title", sentence(random, words, 6) + " " + index);
      t.put("summary", sentence(random, words, 25));
      t.put(
          "body",
          "<p>" + sentence(random, words, 80) + "</p><p>" + sentence(random, words, 80) + "</p>");
      t.put("status", random.nextInt(4) == 0 ? "draft" : "published");
    }
    return story;
  }

  private static String sentence(Random random, String[] words, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(words[random.nextInt(words.length)]);
    }
    return s.toString();
  }

  private static void line(Writer out, ObjectNode node) throws IOException {
    out.write(Json.mapper().writeValueAsString(node));
    out.write('\n');
  }
}
