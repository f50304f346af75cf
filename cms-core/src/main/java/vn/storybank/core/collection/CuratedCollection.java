package vn.storybank.core.collection;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.persistence.Audit;

/**
 * An ordered set of entries with a purpose: an e-handbook, a campaign, a press kit, a publication.
 * (Named so as not to shadow {@link java.util.Collection}.)
 */
@Entity
@Table(name = "collection")
@DiscriminatorValue(EntryType.COLLECTION_VALUE)
public class CuratedCollection extends Entry {
  @Column(name = "purpose", nullable = false)
  private String purpose;

  protected CuratedCollection() {}

  CuratedCollection(UUID id, String tenant, Audit audit) {
    super(id, tenant, audit);
  }

  void setPurpose(String purpose) {
    this.purpose = purpose;
  }

  public String purpose() {
    return purpose;
  }

  @Override
  public EntryType entryType() {
    return EntryType.COLLECTION;
  }
}
