package vn.storybank.core.story;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import vn.storybank.core.taxonomy.GeoPoint;
import vn.storybank.core.taxonomy.Term;
import vn.storybank.core.taxonomy.TermIndex;
import vn.storybank.core.taxonomy.TermKind;

/** Stories: the heart of the bank. */
public final class StoryService extends EntryService<Story, StoryInput, StoryView> {
  static final String HERO_MEDIA = "heroMedia";
  static final String RELATED_STORIES = "relatedStories";
  static final String RELATED_PRODUCTS = "relatedProducts";

  public StoryService(Transactions transactions, ChangeLog changeLog, Clock clock) {
    super(transactions, changeLog, clock, Story.class, StoryInput.class, EntryType.STORY, "kind");
  }

  @Override
  protected Story newEntity(UUID id, String tenant, Audit audit) {
    return new Story(id, tenant, audit);
  }

  @Override
  protected void apply(WriteContext ctx, Story story, StoryInput input, Violations v) {
    if (input.kind() == null || !StoryKinds.ALL.contains(input.kind())) {
      v.add("kind", "must be one of " + String.join(", ", StoryKinds.ALL));
    }
    TermIndex terms = ctx.terms();
    Set<Term> all = new LinkedHashSet<>();
    all.addAll(terms.resolve(TermKind.PILLAR, "pillars", input.pillars(), v));
    all.addAll(terms.resolve(TermKind.TOPIC, "topics", input.topics(), v));
    all.addAll(terms.resolve(TermKind.PLACE, "places", input.places(), v));
    all.addAll(terms.resolve(TermKind.ETHNIC_GROUP, "ethnicGroups", input.ethnicGroups(), v));
    all.addAll(terms.resolve(TermKind.MARKET, "markets", input.markets(), v));
    GeoPoint.validate("geo", input.geo(), v);
    v.maxLength("credit", input.credit(), 500);
    v.maxLength("source", input.source(), 1000);
    List<EntryLink> links = new ArrayList<>();
    links.addAll(
        links(
            ctx,
            story,
            HERO_MEDIA,
            input.heroMedia() == null ? null : List.of(input.heroMedia()),
            Set.of(EntryType.MEDIA),
            v));
    links.addAll(
        links(ctx, story, RELATED_STORIES, input.relatedStories(), Set.of(EntryType.STORY), v));
    links.addAll(
        links(ctx, story, RELATED_PRODUCTS, input.relatedProducts(), Set.of(EntryType.PRODUCT), v));
    if (v.isEmpty()) {
      story.set(input);
      replaceTerms(story, all);
      replaceLinks(story, links);
    }
  }

  @Override
  protected StoryView view(Story story) {
    List<UUID> hero = story.links(HERO_MEDIA);
    return new StoryView(
        EntryHeader.of(story),
        story.kind(),
        story.termCodes(TermKind.PILLAR),
        story.termCodes(TermKind.TOPIC),
        story.termCodes(TermKind.PLACE),
        story.termCodes(TermKind.ETHNIC_GROUP),
        story.termCodes(TermKind.MARKET),
        story.eventDate(),
        story.geo(),
        hero.isEmpty() ? null : hero.get(0),
        story.links(RELATED_STORIES),
        story.links(RELATED_PRODUCTS),
        story.credit(),
        story.source(),
        translationViews(story));
  }
}
