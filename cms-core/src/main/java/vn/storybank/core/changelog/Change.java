package vn.storybank.core.changelog;

import java.util.UUID;

/**
 * A write about to be logged.
 *
 * @param locale the one translation the write concerned, or null when it concerned the entry
 * @param revision the entity's version after the write
 */
public record Change(
    String tenant,
    String entityType,
    UUID entityId,
    String locale,
    Operation operation,
    long revision) {}
