package vn.storybank.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.storybank.core.changelog.ChangeView;
import vn.storybank.core.snapshot.Snapshots;
import vn.storybank.core.touch.Touch;

/**
 * What a batch of changes makes the index do: which entries to reload, and whether the labels and
 * public channels that {@link Scopes} caches must be read again.
 *
 * <p>An {@link vn.storybank.core.snapshot.EntrySnapshot} holds the entry's own fields, its terms
 * with their ancestors (facets), its tenant's locales and time zone, and the media it shows; it
 * holds no links to other entries, and which channels are public is applied when searching. Hence
 * what each kind of {@link Touch} reaches here (delivery's answer, {@code Touched.delivered},
 * differs where a snapshot and a delivered item differ; docs/ARCHITECTURE.md has both).
 */
final class Reindexing {
  /**
   * @param entries the entries to reload, in the order first reached
   * @param vocabularyChanges how many tenant, term and channel changes there were
   */
  record Batch(List<UUID> entries, int vocabularyChanges) {}

  private final Snapshots snapshots;

  Reindexing(Snapshots snapshots) {
    this.snapshots = snapshots;
  }

  Batch of(List<ChangeView> changes) {
    Set<UUID> touched = new LinkedHashSet<>();
    Set<UUID> media = new HashSet<>();
    int vocabulary = 0;
    for (ChangeView change : changes) {
      Touch touch = Touch.of(change);
      List<UUID> reached =
          switch (touch.kind()) {
            case ENTRY -> {
              if (touch.media()) {
                media.add(touch.id());
              }
              yield List.of(touch.id());
            }
            case TENANT_SETTINGS -> {
              vocabulary++;
              yield snapshots.entryIdsOfTenant(touch.tenant());
            }
            case TERM -> {
              vocabulary++;
              yield snapshots.entryIdsWithTerm(touch.id());
            }
            // Which channels are public decides which media the public finds (see Scopes.plainUrl).
            case CHANNEL -> {
              vocabulary++;
              yield List.of();
            }
            case NOTHING -> List.of();
          };
      touched.addAll(reached);
    }
    // What the public sees of an entry's media (hasMedia) follows the media's own state.
    touched.addAll(snapshots.entryIdsShowing(media));
    return new Batch(new ArrayList<>(touched), vocabulary);
  }
}
