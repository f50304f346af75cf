package vn.storybank.core.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.List;

/**
 * A locale a tenant publishes in, with the locales to fall back to when a translation is missing.
 */
@Embeddable
public class TenantLocale {
  @Column(name = "locale", nullable = false)
  private String locale;

  /** Comma-separated language tags, tried in order. */
  @Column(name = "fallbacks", nullable = false)
  private String fallbacks;

  protected TenantLocale() {}

  TenantLocale(String locale, List<String> fallbacks) {
    this.locale = locale;
    this.fallbacks = String.join(",", fallbacks);
  }

  public String locale() {
    return locale;
  }

  public List<String> fallbacks() {
    return fallbacks.isEmpty() ? List.of() : Arrays.asList(fallbacks.split(","));
  }
}
