package vn.storybank.core.delivery;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.storybank.core.entry.EntryQueries;
import vn.storybank.core.media.MediaQueries;

/**
 * The entries a change reaches beyond the one written: readers see an entry's photos and term
 * labels, so a change to those changes the entry as delivered. Sync and webhooks both follow the
 * change log and must agree on this.
 */
public final class Touched {
  private Touched() {}

  /** Entries that link the asset (or entry) {@code target}: hero images, media, related items. */
  public static List<UUID> linking(EntityManager em, UUID target) {
    return new EntryQueries(em).linking(target);
  }

  /** Entries filed under the term. */
  public static List<UUID> filedUnder(EntityManager em, UUID term) {
    return new EntryQueries(em).filedUnder(term);
  }

  /**
   * Assets of the tenant (every tenant when null) whose rights ran out in {@code (from, to]}: they
   * leave delivery without any write.
   */
  public static List<Object[]> rightsExpired(
      EntityManager em, String tenant, Instant from, Instant to) {
    return new MediaQueries(em).rightsExpired(tenant, from, to);
  }
}
