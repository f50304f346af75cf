package vn.storybank.core.testing;

import java.util.List;
import java.util.Map;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.Actor;
import vn.storybank.core.entry.TranslationInput;
import vn.storybank.core.entry.TranslationStatus;
import vn.storybank.core.story.StoryInput;
import vn.storybank.core.taxonomy.GeoPoint;
import vn.storybank.core.taxonomy.TermInput;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.tenant.TenantInput;
import vn.storybank.core.tenant.TenantInput.LocaleInput;

/** A small tenant for tests: Lào Cai with a few terms. */
public final class TestContent {
  public static final String TENANT = "lao-cai";
  // The bootstrap administrator: the core tests exercise content rules, not permissions.
  public static final Actor ACTOR = Actor.superAdmin();

  private TestContent() {}

  public static void laoCai(Storybank storybank) {
    storybank
        .tenants()
        .put(
            TENANT,
            new TenantInput(
                Map.of("vi", "Lào Cai", "en", "Lao Cai"),
                "vi",
                List.of(
                    new LocaleInput("vi", List.of()),
                    new LocaleInput("en", List.of("vi")),
                    new LocaleInput("zh-Hans", List.of("en", "vi")),
                    new LocaleInput("hnj", List.of("vi"))),
                "Asia/Ho_Chi_Minh"),
            null,
            ACTOR);
    var taxonomies = storybank.taxonomies();
    taxonomies.create(
        TENANT,
        TermKind.PILLAR,
        term("sapa-destination", "Sa Pa – điểm đến quốc tế", null, null),
        ACTOR);
    taxonomies.create(TENANT, TermKind.PLACE, term("lao-cai", "Tỉnh Lào Cai", null, null), ACTOR);
    taxonomies.create(
        TENANT,
        TermKind.PLACE,
        term("sa-pa", "Phường Sa Pa", "lao-cai", new GeoPoint(22.3364, 103.8438)),
        ACTOR);
    taxonomies.create(TENANT, TermKind.ETHNIC_GROUP, term("hmong", "Mông", null, null), ACTOR);
  }

  public static TermInput term(String code, String label, String parent, GeoPoint geo) {
    return new TermInput(code, Map.of("vi", label), parent, null, geo, null, null);
  }

  public static StoryInput story(String kind, String viTitle) {
    return new StoryInput(
        kind,
        List.of("sapa-destination"),
        List.of(),
        List.of("sa-pa"),
        List.of("hmong"),
        List.of(),
        null,
        new GeoPoint(22.3364, 103.8438),
        null,
        List.of(),
        List.of(),
        "Ban biên tập",
        null,
        Map.of("vi", text(viTitle)));
  }

  /** A story whose related stories are {@code target}. */
  public static StoryInput storyLinkingTo(java.util.UUID target, String viTitle) {
    return new StoryInput(
        "destination",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        null,
        List.of(target),
        List.of(),
        null,
        null,
        Map.of("vi", text(viTitle)));
  }

  public static TranslationInput text(String title) {
    return new TranslationInput(
        title,
        null,
        "Tóm tắt",
        "<p>Nội dung</p>",
        null,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null);
  }

  /** {@link #text} with a caption, published as it is written. */
  public static TranslationInput published(String title, String caption) {
    TranslationInput text = text(title);
    return new TranslationInput(
        text.title(),
        text.subtitle(),
        text.summary(),
        text.body(),
        text.slug(),
        text.seoTitle(),
        text.seoDescription(),
        text.keywords(),
        caption,
        text.altText(),
        TranslationStatus.PUBLISHED,
        null);
  }
}
