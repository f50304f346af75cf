package vn.storybank.core.entrytype;

import java.time.LocalDate;
import java.time.ZoneId;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.story.Story;
import vn.storybank.core.taxonomy.GeoPoint;

final class StoryDescriptor implements TypeDescriptor<Story> {
  @Override
  public EntryType type() {
    return EntryType.STORY;
  }

  @Override
  public Class<Story> entityClass() {
    return Story.class;
  }

  @Override
  public String kind(Story story) {
    return story.kind();
  }

  @Override
  public TypeFields fields(Story story) {
    return new StoryFields(story.eventDate(), story.credit(), story.source());
  }

  @Override
  public GeoPoint place(Story story) {
    return story.geo();
  }

  @Override
  public LocalDate date(Story story, ZoneId zone) {
    return story.eventDate();
  }
}
