package vn.storybank.core.entry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The read-only part of every entry's JSON. */
public record EntryHeader(
    UUID id,
    String type,
    String tenant,
    long version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {

  /** The JSON names of these fields, which a client cannot write. */
  public static final List<String> FIELDS =
      List.of(
          "id", "type", "tenant", "version", "createdAt", "createdBy", "updatedAt", "updatedBy");

  /** The read-only fields of a translation. */
  public static final List<String> TRANSLATION_FIELDS =
      List.of(
          "revision",
          "publishedAt",
          "updatedAt",
          "updatedBy",
          "liveRevision",
          "publishAt",
          "unpublishAt",
          "embargoUntil",
          "stale",
          "returnedAt",
          "returnedBy");

  public static EntryHeader of(Entry entry) {
    return new EntryHeader(
        entry.id(),
        entry.entryType().code(),
        entry.tenant(),
        entry.version(),
        entry.audit().createdAt(),
        entry.audit().createdBy(),
        entry.audit().updatedAt(),
        entry.audit().updatedBy());
  }
}
