package vn.storybank.core.entry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Actor;
import vn.storybank.core.changelog.Operation;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.core.persistence.Saved;
import vn.storybank.core.persistence.Versions;

/**
 * Writing an entry's translations: one at a time (checked against the actor's locales), or all of
 * them with a whole-entry write. The entry service delegates here; it stays the public face.
 */
final class EntryTranslations<E extends Entry, V extends EntryView> {
  private final EntryService<E, ?, V> entries;
  private final TranslationWriter translationWriter;
  private final Clock clock;

  EntryTranslations(
      EntryService<E, ?, V> entries, TranslationWriter translationWriter, Clock clock) {
    this.entries = entries;
    this.translationWriter = translationWriter;
    this.clock = clock;
  }

  /** Creates or replaces one translation. */
  Saved<V> put(
      String tenant,
      UUID id,
      String locale,
      TranslationInput input,
      Long expectedVersion,
      Actor actor) {
    return entries.inContextSaved(
        tenant,
        actor,
        ctx -> {
          Access.requireMember(ctx.em(), actor, tenant);
          String tag = ctx.tenant().requireLocale("locale", locale);
          entries.requireTranslationWrite(ctx.em(), actor, tenant, tag);
          E entity = entries.require(ctx.em(), tenant, id);
          Versions.check(expectedVersion, entity.version(), entries.describe(entity));
          boolean created = !entity.translations().containsKey(tag);
          Violations v = new Violations();
          translationWriter.apply(ctx, entity, tag, input, "", entries.requiresTitle(), v);
          v.throwIfAny();
          TranslationWriter.updateSourceRevisions(ctx, entity);
          entity.audit().touch(actor.recordedName(), clock.instant());
          ctx.changed(entity, Operation.UPDATE, tag);
          return new Saved<>(entity, created);
        });
  }

  V delete(String tenant, UUID id, String locale, Long expectedVersion, Actor actor) {
    return entries.inContext(
        tenant,
        actor,
        ctx -> {
          Access.require(ctx.em(), actor, tenant, entries.deleteAction());
          E entity = entries.require(ctx.em(), tenant, id);
          Versions.check(expectedVersion, entity.version(), entries.describe(entity));
          String tag = ctx.tenant().requireLocale("locale", locale);
          EntryService.requireTranslation(entity, tag);
          if (tag.equals(ctx.tenant().sourceLocale()) && entity.translations().size() > 1) {
            throw StorybankException.conflict(
                "The "
                    + tag
                    + " translation is the source of the others; delete those first or delete the"
                    + " whole entry.");
          }
          if (entity.translations().size() == 1) {
            throw StorybankException.conflict(
                "The "
                    + tag
                    + " translation is the entry's only one; an entry needs at least one, so delete"
                    + " the whole entry instead.");
          }
          entity.translations().remove(tag);
          ctx.forgetTranslation(entity.id(), tag);
          entity.audit().touch(actor.recordedName(), clock.instant());
          ctx.changed(entity, Operation.UPDATE, tag);
          return entity;
        });
  }

  /**
   * Replaces all of an entry's translations with those of a whole-entry input, into {@code v}
   * (which holds the type's own field errors already); throws if there are any.
   */
  void replaceAll(
      WriteContext ctx, E entity, Map<String, TranslationInput> translations, Violations v) {
    translations = translations == null ? Map.of() : translations;
    if (translations.isEmpty()) {
      v.add("translations", "must contain at least one locale");
    }
    Map<String, TranslationInput> byTag = new LinkedHashMap<>();
    translations.forEach(
        (locale, translation) -> {
          var tag = ctx.tenant().enabledLocale(locale);
          if (tag.isEmpty()) {
            try {
              ctx.tenant().requireLocale("translations." + locale, locale);
            } catch (StorybankException e) {
              e.fieldErrors().forEach(f -> v.add(f.field(), f.message()));
            }
          } else if (translation == null) {
            v.add("translations." + locale, "must be an object");
          } else {
            byTag.put(tag.get(), translation);
          }
        });
    byTag.forEach(
        (tag, translation) ->
            translationWriter.apply(
                ctx,
                entity,
                tag,
                translation,
                "translations." + tag + ".",
                entries.requiresTitle(),
                v));
    String source = ctx.tenant().sourceLocale();
    if (!byTag.isEmpty()
        && !byTag.containsKey(source)
        && entity.translations().containsKey(source)) {
      v.add(
          "translations." + source,
          "is the source the other translations were made from; it cannot be removed while they"
              + " exist");
    }
    v.throwIfAny();
    for (String removed : new ArrayList<>(entity.translations().keySet())) {
      if (!byTag.containsKey(removed)) {
        ctx.forgetTranslation(entity.id(), removed);
      }
    }
    entity.translations().keySet().retainAll(byTag.keySet());
    TranslationWriter.updateSourceRevisions(ctx, entity);
  }
}
