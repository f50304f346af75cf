package vn.storybank.core.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** The requests of one key to one channel in one locale on one day. */
@Entity
@Table(name = "partner_usage")
class UsageCount {
  @EmbeddedId private Key id;

  @Column(name = "requests", nullable = false)
  private long requests;

  protected UsageCount() {}

  UsageCount(Key id, long requests) {
    this.id = id;
    this.requests = requests;
  }

  void add(long more) {
    requests += more;
  }

  Key id() {
    return id;
  }

  long requests() {
    return requests;
  }

  @Embeddable
  static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "key_id")
    private UUID keyId;

    @Column(name = "channel")
    private String channel;

    @Column(name = "locale")
    private String locale;

    @Column(name = "usage_day")
    private LocalDate day;

    protected Key() {}

    Key(UUID keyId, String channel, String locale, LocalDate day) {
      this.keyId = keyId;
      this.channel = channel;
      this.locale = locale;
      this.day = day;
    }

    UUID keyId() {
      return keyId;
    }

    String channel() {
      return channel;
    }

    String locale() {
      return locale;
    }

    LocalDate day() {
      return day;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && keyId.equals(k.keyId)
          && channel.equals(k.channel)
          && locale.equals(k.locale)
          && day.equals(k.day);
    }

    @Override
    public int hashCode() {
      return Objects.hash(keyId, channel, locale, day);
    }
  }
}
