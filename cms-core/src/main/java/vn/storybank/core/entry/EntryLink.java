package vn.storybank.core.entry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.UUID;

/** A link from an entry to another, in a role such as {@code relatedStories} or {@code items}. */
@Embeddable
public class EntryLink {
  @Column(name = "role", nullable = false)
  private String role;

  @Column(name = "target_id", nullable = false)
  private UUID target;

  protected EntryLink() {}

  public EntryLink(String role, UUID target) {
    this.role = role;
    this.target = target;
  }

  public String role() {
    return role;
  }

  public UUID target() {
    return target;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EntryLink other && role.equals(other.role) && target.equals(other.target);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, target);
  }
}
