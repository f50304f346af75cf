package vn.storybank.core.story;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.persistence.Audit;
import vn.storybank.core.taxonomy.GeoPoint;

/** A story of the province: a person, a place, a festival, an achievement. */
@Entity
@Table(name = "story")
@DiscriminatorValue(EntryType.STORY_VALUE)
public class Story extends Entry {
  @Column(name = "kind", nullable = false)
  private String kind;

  @Column(name = "event_date")
  private LocalDate eventDate;

  @Column(name = "latitude")
  private Double latitude;

  @Column(name = "longitude")
  private Double longitude;

  @Column(name = "credit")
  private String credit;

  @Column(name = "source")
  private String source;

  protected Story() {}

  Story(UUID id, String tenant, Audit audit) {
    super(id, tenant, audit);
  }

  void set(StoryInput input) {
    kind = input.kind();
    eventDate = input.eventDate();
    latitude = input.geo() == null ? null : input.geo().lat();
    longitude = input.geo() == null ? null : input.geo().lon();
    credit = input.credit();
    source = input.source();
  }

  @Override
  public EntryType entryType() {
    return EntryType.STORY;
  }

  public String kind() {
    return kind;
  }

  public LocalDate eventDate() {
    return eventDate;
  }

  public GeoPoint geo() {
    return GeoPoint.of(latitude, longitude);
  }

  public String credit() {
    return credit;
  }

  public String source() {
    return source;
  }
}
