package vn.storybank.core.entry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A translation is identified by its entry and its locale. */
@Embeddable
public class TranslationId implements Serializable {
  private static final long serialVersionUID = 1L;

  @Column(name = "entry_id")
  private UUID entryId;

  @Column(name = "locale")
  private String locale;

  protected TranslationId() {}

  TranslationId(UUID entryId, String locale) {
    this.entryId = entryId;
    this.locale = locale;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TranslationId other
        && Objects.equals(entryId, other.entryId)
        && Objects.equals(locale, other.locale);
  }

  @Override
  public int hashCode() {
    return Objects.hash(entryId, locale);
  }
}
