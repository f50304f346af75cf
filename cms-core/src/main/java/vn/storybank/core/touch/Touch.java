package vn.storybank.core.touch;

import java.util.UUID;
import vn.storybank.core.changelog.ChangeView;
import vn.storybank.core.entry.EntryType;

/**
 * What one committed change touches, classified once for every follower of the change log.
 *
 * <p>Followers switch on {@link #kind()} in switch expressions, so a new kind fails to compile
 * until each of them has decided what it does with it.
 *
 * @param seq the change's position in the log
 * @param id the entry, term or channel written; a tenant's name-based id for tenant settings
 * @param entryType the type of the entry written, null unless {@link Kind#ENTRY}
 */
public record Touch(Kind kind, long seq, String tenant, UUID id, EntryType entryType) {

  /** The kinds of thing a write can touch. */
  public enum Kind {
    /** An entry itself (story, product, media asset, collection): fields, texts, state, links. */
    ENTRY,
    /** A term: labels, code, place or parent. Entries show their terms' labels. */
    TERM,
    /** A tenant's settings: names, source locale, locales and their fallbacks, time zone. */
    TENANT_SETTINGS,
    /** A channel's settings: filter, locales and fallbacks, public or not. */
    CHANNEL,
    /** Nothing any follower shows (a record type the log may carry that no reader sees). */
    NOTHING
  }

  /** Classifies a change-log row. */
  public static Touch of(ChangeView change) {
    EntryType type = EntryType.ofCodeOrNull(change.entityType());
    Kind kind =
        type != null
            ? Kind.ENTRY
            : switch (change.entityType()) {
              case "term" -> Kind.TERM;
              case "tenant" -> Kind.TENANT_SETTINGS;
              case "channel" -> Kind.CHANNEL;
              default -> Kind.NOTHING;
            };
    return new Touch(kind, change.seq(), change.tenant(), change.entityId(), type);
  }

  /** Whether this wrote a media asset, which other entries show. */
  public boolean media() {
    return entryType == EntryType.MEDIA;
  }
}
