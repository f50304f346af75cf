package vn.storybank.core.snapshot;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The read model a search index is built from: entries as {@link EntrySnapshot}s, which entries a
 * term, tenant or media change reaches, and a tenant's settings and vocabulary. The seam between
 * the search index and the database, so that search can be tested in memory; {@link
 * SnapshotService} reads the database.
 */
public interface Snapshots {
  /** The entries with these ids that exist; ids of deleted entries are simply absent. */
  List<EntrySnapshot> load(Collection<UUID> ids);

  /**
   * Up to {@code limit} entries of every tenant with ids after {@code afterId} (null: from the
   * start), in id order.
   */
  List<EntrySnapshot> page(UUID afterId, int limit);

  /** The ids of every entry of a tenant. */
  List<UUID> entryIdsOfTenant(String tenant);

  /** The ids of the entries that show any of these media assets (hero, media, poster). */
  List<UUID> entryIdsShowing(Collection<UUID> mediaIds);

  /** The ids of the entries tagged with this term or one below it in its tree. */
  List<UUID> entryIdsWithTerm(UUID termId);

  /** The tenant's settings, terms and public channels; a not-found error when there is none. */
  TenantSnapshot tenant(String code);
}
