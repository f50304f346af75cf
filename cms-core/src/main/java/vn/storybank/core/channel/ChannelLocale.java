package vn.storybank.core.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.List;

/** A locale a channel serves and what it shows when an entry has no translation in it. */
@Embeddable
public class ChannelLocale {
  @Column(name = "locale", nullable = false)
  private String locale;

  @Column(name = "fallbacks", nullable = false)
  private String fallbacks;

  @Column(name = "translated_only", nullable = false)
  private boolean translatedOnly;

  protected ChannelLocale() {}

  ChannelLocale(String locale, List<String> fallbacks, boolean translatedOnly) {
    this.locale = locale;
    this.fallbacks = String.join(",", fallbacks);
    this.translatedOnly = translatedOnly;
  }

  public String locale() {
    return locale;
  }

  public List<String> fallbacks() {
    return fallbacks.isEmpty() ? List.of() : Arrays.asList(fallbacks.split(","));
  }

  public boolean translatedOnly() {
    return translatedOnly;
  }
}
