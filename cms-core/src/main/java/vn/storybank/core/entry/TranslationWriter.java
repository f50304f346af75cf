package vn.storybank.core.entry;

import java.time.Clock;
import java.time.Instant;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.error.Violations;

/** The rules of one translation: lengths, keywords, slugs, rich text, source revisions. */
final class TranslationWriter {
  /** The lengths of the translation columns (V1 migration). */
  private static final int KEYWORDS_MAX = 2000;

  private static final int BODY_MAX = 1_000_000;
  private final Clock clock;

  TranslationWriter(Clock clock) {
    this.clock = clock;
  }

  /**
   * Validates one translation into {@code v} (fields prefixed with {@code prefix}) and, if it is
   * valid, writes it: slug made or checked, body sanitised, text trimmed.
   */
  void apply(
      WriteContext ctx,
      Entry entity,
      String tag,
      TranslationInput input,
      String prefix,
      boolean requiresTitle,
      Violations v) {
    if (requiresTitle) {
      v.requireText(prefix + "title", input.title(), 500);
    } else {
      v.maxLength(prefix + "title", input.title(), 500);
    }
    v.maxLength(prefix + "subtitle", input.subtitle(), 500);
    v.maxLength(prefix + "summary", input.summary(), 4000);
    v.maxLength(prefix + "body", input.body(), BODY_MAX);
    v.maxLength(prefix + "seoTitle", input.seoTitle(), 300);
    v.maxLength(prefix + "seoDescription", input.seoDescription(), 1000);
    v.maxLength(prefix + "caption", input.caption(), 2000);
    v.maxLength(prefix + "altText", input.altText(), 1000);
    boolean keywordsValid = true;
    for (int i = 0; i < input.keywords().size(); i++) {
      String keyword = input.keywords().get(i);
      if (keyword == null || keyword.isBlank() || keyword.contains("\n")) {
        v.add(prefix + "keywords[" + i + "]", "must be a non-empty single-line text");
        keywordsValid = false;
      }
    }
    if (keywordsValid) {
      // Kept one per line in one column.
      v.maxJoinedLength(
          prefix + "keywords", input.keywords().stream().map(String::strip).toList(), KEYWORDS_MAX);
    }
    String body = RichText.sanitize(input.body());
    if (input.body() != null && input.body().length() <= BODY_MAX) {
      // Sanitising can lengthen the HTML (escaped characters); what is stored must fit too.
      v.maxLength(prefix + "body", body, BODY_MAX);
    }
    String slug = null;
    if (input.slug() != null) {
      if (!Slugs.isValid(input.slug())) {
        v.add(
            prefix + "slug",
            "must be lower-case letters or digits in words joined by single hyphens (e.g."
                + " ruong-bac-thang-mu-cang-chai)");
      } else {
        slug = ctx.allocateSlug(entity, tag, input.slug(), true, prefix + "slug", v);
      }
    } else if (input.title() != null && !input.title().isBlank()) {
      slug = ctx.allocateSlug(entity, tag, Slugs.fromTitle(input.title()), false, prefix, v);
    }
    if (!v.isEmpty()) {
      return;
    }
    Translation translation =
        entity.translations().computeIfAbsent(tag, t -> new Translation(entity, t));
    Instant now = clock.instant();
    TranslationStatus before = translation.status();
    boolean changed =
        translation.applyText(
            new TranslationText(
                trimmed(input.title()),
                trimmed(input.subtitle()),
                trimmed(input.summary()),
                body,
                slug,
                trimmed(input.seoTitle()),
                trimmed(input.seoDescription()),
                input.keywords().stream().map(String::strip).toList(),
                trimmed(input.caption()),
                trimmed(input.altText())),
            ctx.actor().recordedName(),
            now);
    if (input.status() != null && input.status() != translation.status()) {
      // A status in the body publishes as surely as the publish endpoint does.
      Access.require(ctx.em(), ctx.actor(), ctx.tenant().code(), Action.PUBLISH);
    }
    Workflow.statusFromInput(ctx, translation, before, input.status(), now);
    if (input.sourceRevision() != null) {
      translation.setSourceRevision(input.sourceRevision());
    } else if (changed) {
      translation.madeFromCurrentSource();
    }
  }

  /**
   * Translations other than the source record the source revision they were made from: a
   * translation whose text was just written, without naming a source revision, was made from the
   * source as it is after this write. Run once all translations of the write are applied.
   */
  static void updateSourceRevisions(WriteContext ctx, Entry entity) {
    String source = ctx.tenant().sourceLocale();
    Translation sourceTranslation = entity.translations().get(source);
    for (Translation t : entity.translations().values()) {
      if (t.locale().equals(source)) {
        t.setSourceRevision(null);
      } else if (sourceTranslation != null
          && (t.takesCurrentSource() || t.sourceRevision() == null)) {
        t.setSourceRevision(sourceTranslation.revision());
      }
    }
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
