package vn.storybank.core.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.Actor;
import vn.storybank.core.channel.ChannelInput;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.tenant.TenantView;
import vn.storybank.core.transfer.ImportReport;

/** The bundled demo tenants (Lào Cai and Thái Nguyên), loaded into an empty database. */
public final class DemoContent {
  private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());
  static final List<String> TENANTS = List.of("lao-cai", "thai-nguyen");
  private static final String MEDIA = "/demo/media/";

  private DemoContent() {}

  /** Loads the demo tenants if the database has no tenant yet; returns whether it did. */
  public static boolean loadIfEmpty(Storybank storybank) {
    if (!storybank.tenants().list(Actor.superAdmin()).isEmpty()) {
      return false;
    }
    for (String tenant : TENANTS) {
      ImportReport report =
          storybank
              .transfer()
              .importResource(tenant, "/demo/" + tenant + ".ndjson", Actor.superAdmin());
      if (!report.committed()) {
        throw new StorybankException(
            ErrorKind.INVALID, "The bundled demo content of " + tenant + " is invalid: " + report);
      }
      int files = attachFiles(storybank, tenant);
      LOG.info(
          () ->
              "Loaded demo content for "
                  + tenant
                  + ": "
                  + report.created()
                  + " records, "
                  + files
                  + " media files");
      demoChannels(storybank.tenants().get(tenant, Actor.superAdmin()))
          .forEach(
              (code, input) ->
                  storybank.channels().put(tenant, code, input, null, Actor.superAdmin()));
    }
    return true;
  }

  /**
   * Gives the tenant's demo media records their files (demo/media, listed in files.tsv with their
   * authors and licences in CREDITS.md), so that demo stories, feeds and JSON-LD show images and
   * renditions work. An import carries records without files; the files are attached as an editor's
   * upload of a new original does it. Returns how many were attached.
   */
  static int attachFiles(Storybank storybank, String tenant) {
    int attached = 0;
    for (String[] row : mediaFiles()) {
      if (!row[0].equals(tenant)) {
        continue;
      }
      try (InputStream file = resource(MEDIA + row[2])) {
        storybank
            .mediaFiles()
            .replaceOriginal(
                tenant, UUID.fromString(row[1]), file, null, row[2], null, Actor.superAdmin());
        attached++;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return attached;
  }

  /** The rows of demo/media/files.tsv: tenant, media record id, file name. */
  static List<String[]> mediaFiles() {
    try (InputStream in = resource(MEDIA + "files.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = DemoContent.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("The demo resource " + name + " is missing from the build");
    }
    return in;
  }

  /**
   * The channels every tenant has (API.md): a Vietnamese portal, an English portal falling back to
   * Vietnamese and the national platform in every locale, all public; Lào Cai adds the H'Mông radio
   * desk, the border-gate screens and a key-protected partner channel (kr-partner: a Korean travel
   * partner reads it with the key the tenant issued to it).
   */
  static Map<String, ChannelInput> demoChannels(TenantView tenant) {
    Map<String, String> presets = Map.of("hero", "hero", "card", "card", "thumb", "thumb");
    Map<String, ChannelInput> channels = new LinkedHashMap<>();
    channels.put(
        "vi-portal",
        new ChannelInput(
            "Cổng thông tin tiếng Việt",
            "public",
            List.of(new ChannelInput.LocaleInput("vi", List.of(), true)),
            null,
            presets,
            List.of("jsonfeed", "ninjs", "atom", "sync")));
    channels.put(
        "en-portal",
        new ChannelInput(
            "English portal",
            "public",
            List.of(new ChannelInput.LocaleInput("en", List.of("vi"), false)),
            null,
            presets,
            List.of("jsonfeed", "ninjs", "atom", "sync")));
    channels.put(
        "vietnam-vn",
        new ChannelInput(
            "Vietnam.vn – national image-promotion platform",
            "public",
            tenant.locales().stream()
                .map(l -> new ChannelInput.LocaleInput(l.tag(), l.fallbacks(), false))
                .toList(),
            new ChannelInput.Filter(List.of("story", "product", "media"), null, null, null),
            Map.of("hero", "hero", "card", "social", "thumb", "thumb"),
            List.of("ninjs", "jsonfeed", "sync")));
    if (tenant.code().equals("lao-cai")) {
      channels.put(
          "hmong-radio",
          new ChannelInput(
              "Chương trình phát thanh tiếng H'Mông",
              "public",
              List.of(new ChannelInput.LocaleInput("hnj", List.of(), true)),
              new ChannelInput.Filter(List.of("story"), null, null, null),
              presets,
              List.of("jsonfeed", "atom", "sync")));
      channels.put(
          "border-gate-screens",
          new ChannelInput(
              "Màn hình cụm thông tin đối ngoại cửa khẩu",
              "public",
              List.of(
                  new ChannelInput.LocaleInput("vi", List.of(), false),
                  new ChannelInput.LocaleInput("en", List.of("vi"), false),
                  new ChannelInput.LocaleInput("zh-Hans", List.of("en", "vi"), false)),
              new ChannelInput.Filter(List.of("story", "product"), null, null, null),
              Map.of("screen", "screen-landscape", "hero", "screen-landscape"),
              List.of("playlist", "sync")));
      channels.put(
          "kr-partner",
          new ChannelInput(
              "Korean travel partner",
              "key",
              List.of(new ChannelInput.LocaleInput("ko", List.of("en", "vi"), false)),
              new ChannelInput.Filter(List.of("story", "product"), null, null, null),
              Map.of("hero", "hero", "card", "social", "thumb", "thumb"),
              List.of("jsonfeed", "ninjs", "atom", "sync")));
    }
    return channels;
  }
}
