package vn.storybank.core.delivery;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.storybank.core.entry.EntryQueries;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.media.MediaQueries;
import vn.storybank.core.touch.Touch;

/**
 * The entries a change reaches as a channel delivers them: readers see an entry's photos, its
 * visible related entries and its terms' labels, so a change to those changes the entry as
 * delivered. Sync and webhooks both follow the change log and answer this through {@link
 * #delivered} alone, so they cannot disagree.
 */
public final class Touched {
  private static final int IDS_PER_QUERY = 500;

  private Touched() {}

  /**
   * An entry reached by a run of touches.
   *
   * @param seq the position of the last touch that reached it
   * @param written the entry's type when a touch wrote the entry itself (a tombstone needs it once
   *     the entry is gone), else null
   */
  public record Reached(long seq, EntryType written) {}

  /**
   * The entries whose delivered form these touches (in log order) may have changed, in the order
   * first reached. What each kind reaches:
   *
   * <ul>
   *   <li>an entry: itself, and every entry that links it: a story shows its photos (their file,
   *       caption and rights), and lists a related entry only while that one is visible;
   *   <li>a term: the entries filed under it, which show its label. Not those under terms below it:
   *       delivery shows an entry's own terms, and channel filters match their codes, not the tree;
   *   <li>a tenant's settings: nothing. A channel serves its own locales and fallbacks, and
   *       delivery reads nothing else of the tenant;
   *   <li>a channel: nothing here; each follower answers it (webhooks look again at the channel's
   *       entries, sync refuses tokens issued before the change);
   *   <li>nothing: nothing.
   * </ul>
   */
  public static Map<UUID, Reached> delivered(EntityManager em, List<Touch> touches) {
    Map<UUID, List<UUID>> linkers =
        linking(
            em,
            touches.stream()
                .filter(t -> t.kind() == Touch.Kind.ENTRY)
                .map(Touch::id)
                .collect(Collectors.toSet()));
    Map<UUID, Reached> reached = new LinkedHashMap<>();
    for (Touch touch : touches) {
      List<UUID> others =
          switch (touch.kind()) {
            case ENTRY -> linkers.getOrDefault(touch.id(), List.of());
            case TERM -> filedUnder(em, touch.id());
            case TENANT_SETTINGS, CHANNEL, NOTHING -> List.of();
          };
      if (touch.kind() == Touch.Kind.ENTRY) {
        reached.put(touch.id(), new Reached(touch.seq(), touch.entryType()));
      }
      for (UUID id : others) {
        Reached before = reached.get(id);
        reached.put(id, new Reached(touch.seq(), before == null ? null : before.written()));
      }
    }
    return reached;
  }

  /** For each target, the entries that link it, in one query per {@value #IDS_PER_QUERY}. */
  private static Map<UUID, List<UUID>> linking(EntityManager em, Set<UUID> targets) {
    Map<UUID, List<UUID>> linkers = new HashMap<>();
    List<UUID> all = new ArrayList<>(targets);
    for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
      new EntryQueries(em)
          .linkingPairs(all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)))
          .forEach(
              row ->
                  linkers.computeIfAbsent(row.target(), t -> new ArrayList<>()).add(row.entry()));
    }
    return linkers;
  }

  /** Entries that link the asset (or entry) {@code target}: hero images, media, related items. */
  public static List<UUID> linking(EntityManager em, UUID target) {
    return new EntryQueries(em).linking(target);
  }

  /** Entries filed under the term. */
  private static List<UUID> filedUnder(EntityManager em, UUID term) {
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
