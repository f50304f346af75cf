package vn.storybank.core.entry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.UUID;

/** A kept revision's key: entry, locale, revision number. */
@Embeddable
public record RevisionId(
    @Column(name = "entry_id") UUID entryId,
    @Column(name = "locale") String locale,
    @Column(name = "revision") long revision)
    implements Serializable {}
