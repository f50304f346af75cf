package vn.storybank.core.entry;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Actor;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.persistence.Page;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.taxonomy.TermIndex;
import vn.storybank.core.tenant.Tenant;
import vn.storybank.core.tenant.TenantQueries;

/**
 * Reading one entry type's entries as the actor may: editors see drafts, journalists only what is
 * published. The checks run in the read's own transaction.
 */
final class EntryReads<E extends Entry, V extends EntryView> {
  private final EntryService<E, ?, V> entries;
  private final Transactions transactions;
  private final Clock clock;
  private final EntryListing<E> listing;
  private final EntrySummaries<E> summaries;

  EntryReads(
      EntryService<E, ?, V> entries,
      Transactions transactions,
      Clock clock,
      EntryListing<E> listing) {
    this.entries = entries;
    this.transactions = transactions;
    this.clock = clock;
    this.listing = listing;
    this.summaries = new EntrySummaries<>(entries.entityClass(), entries.type(), listing);
  }

  /**
   * The entry as the actor may see it: whole with {@link Action#READ_CONTENT}; with only {@link
   * Action#READ_PUBLISHED} (journalists), its published translations, and a 404 when it has none.
   */
  V get(String tenant, UUID id, Actor actor) {
    return transactions.read(
        em -> {
          boolean whole = canReadDrafts(em, actor, tenant);
          new TenantQueries(em).require(tenant);
          E entity = entries.require(em, tenant, id);
          if (whole) {
            return entries.view(entity);
          }
          return publishedOnly(em, entity)
              .orElseThrow(
                  () ->
                      StorybankException.notFound(
                          "There is no published " + entries.type().code() + " " + id + "."));
        });
  }

  /** The list as the actor may see it; see {@link #get(String, UUID, Actor)}. */
  Page<V> list(String tenant, ListQuery query, Actor actor) {
    return transactions.read(em -> list(em, tenant, query, canReadDrafts(em, actor, tenant)));
  }

  /**
   * The list as summaries (what a list screen shows), as the actor may see it: a journalist's
   * summaries show only live translations, as {@link #get(String, UUID, Actor)} does.
   */
  Page<EntrySummary> summaries(String tenant, ListQuery query, Actor actor) {
    return transactions.read(
        em -> {
          boolean whole = canReadDrafts(em, actor, tenant);
          Tenant owner = new TenantQueries(em).require(tenant);
          return summaries.page(
              em, owner, () -> TermIndex.load(em, tenant), query, whole ? null : clock.instant());
        });
  }

  private Page<V> list(EntityManager em, String tenant, ListQuery query, boolean whole) {
    Tenant owner = new TenantQueries(em).require(tenant);
    List<E> page =
        listing.find(
            em, owner, () -> TermIndex.load(em, tenant), query, whole ? null : clock.instant());
    String next = listing.nextCursor(page, query);
    List<E> items = next == null ? page : page.subList(0, page.size() - 1);
    if (whole) {
      return new Page<>(items.stream().map(entries::view).toList(), next);
    }
    // Entries with nothing published drop out, so such a page may be shorter than the limit.
    return new Page<>(
        items.stream().map(e -> publishedOnly(em, e)).flatMap(java.util.Optional::stream).toList(),
        next);
  }

  /**
   * Whether the actor sees drafts in the tenant (editors) or only what is published (journalists);
   * a 403 or 404 when neither.
   */
  boolean readsDrafts(String tenant, Actor actor) {
    return transactions.read(
        em -> {
          boolean drafts = canReadDrafts(em, actor, tenant);
          new TenantQueries(em).require(tenant);
          return drafts;
        });
  }

  private static boolean canReadDrafts(EntityManager em, Actor actor, String tenant) {
    if (Access.allows(em, actor, tenant, Action.READ_CONTENT)) {
      return true;
    }
    Access.require(em, actor, tenant, Action.READ_PUBLISHED);
    return false;
  }

  /**
   * The view as readers see it, built from a detached copy (the read-only tx): each translation
   * with a live revision shows that revision's text (an edit awaiting review stays unseen), and
   * translations with nothing live or still under embargo are left out.
   */
  private java.util.Optional<V> publishedOnly(EntityManager em, E entity) {
    entries.view(entity); // loads every lazy association before the entity is detached
    Instant now = clock.instant();
    Map<String, TranslationRevision> live = new HashMap<>();
    for (Translation t : entity.translations().values()) {
      if (t.isLive(now)) {
        TranslationRevision shown =
            em.find(
                TranslationRevision.class,
                new RevisionId(entity.id(), t.locale(), t.liveRevision()));
        if (shown != null) {
          live.put(t.locale(), shown);
        }
      }
    }
    em.detach(entity);
    entity.translations().values().removeIf(t -> !live.containsKey(t.locale()));
    entity.translations().values().forEach(t -> t.showLive(live.get(t.locale())));
    return entity.translations().isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(entries.view(entity));
  }
}
