package vn.storybank.core.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A subscription and an entry it announced. */
@Embeddable
public class MembershipKey implements Serializable {
  private static final long serialVersionUID = 1L;

  @Column(name = "subscription_id")
  private UUID subscription;

  @Column(name = "entry_id")
  private UUID entry;

  protected MembershipKey() {}

  MembershipKey(UUID subscription, UUID entry) {
    this.subscription = subscription;
    this.entry = entry;
  }

  UUID entry() {
    return entry;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MembershipKey k
        && Objects.equals(subscription, k.subscription)
        && Objects.equals(entry, k.entry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subscription, entry);
  }
}
