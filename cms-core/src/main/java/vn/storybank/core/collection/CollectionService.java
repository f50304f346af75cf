package vn.storybank.core.collection;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.entry.EntryHeader;
import vn.storybank.core.entry.EntryLink;
import vn.storybank.core.entry.EntryService;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.entry.WriteContext;
import vn.storybank.core.error.Violations;
import vn.storybank.core.persistence.Audit;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.taxonomy.TermKind;

/** Collections: e-handbooks, campaigns, press kits, publications. */
public final class CollectionService
    extends EntryService<CuratedCollection, CollectionInput, CollectionView> {
  public static final List<String> PURPOSES =
      List.of("e-handbook", "campaign", "press-kit", "publication");
  static final String ITEMS = "items";

  public CollectionService(Transactions transactions, ChangeLog changeLog, Clock clock) {
    super(
        transactions,
        changeLog,
        clock,
        CuratedCollection.class,
        CollectionInput.class,
        EntryType.COLLECTION,
        "purpose");
  }

  @Override
  protected CuratedCollection newEntity(UUID id, String tenant, Audit audit) {
    return new CuratedCollection(id, tenant, audit);
  }

  @Override
  protected void apply(
      WriteContext ctx, CuratedCollection collection, CollectionInput input, Violations v) {
    if (input.purpose() == null || !PURPOSES.contains(input.purpose())) {
      v.add("purpose", "must be one of " + String.join(", ", PURPOSES));
    }
    var pillars = ctx.terms().resolve(TermKind.PILLAR, "pillars", input.pillars(), v);
    List<EntryLink> items =
        links(ctx, collection, ITEMS, input.items(), EnumSet.allOf(EntryType.class), v);
    if (v.isEmpty()) {
      collection.setPurpose(input.purpose());
      replaceTerms(collection, pillars);
      replaceLinks(collection, items);
    }
  }

  @Override
  protected CollectionView view(CuratedCollection collection) {
    return new CollectionView(
        EntryHeader.of(collection),
        collection.purpose(),
        collection.links(ITEMS),
        collection.termCodes(TermKind.PILLAR),
        translationViews(collection));
  }
}
