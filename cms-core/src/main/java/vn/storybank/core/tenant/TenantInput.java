package vn.storybank.core.tenant;

import java.util.List;
import java.util.Map;

/** What an administrator sets on a tenant. */
public record TenantInput(
    Map<String, String> names, String sourceLocale, List<LocaleInput> locales, String timeZone) {

  /** An enabled locale and the locales it falls back to, in order. */
  public record LocaleInput(String tag, List<String> fallbacks) {
    public LocaleInput {
      fallbacks = fallbacks == null ? List.of() : fallbacks;
    }
  }

  public TenantInput {
    names = names == null ? Map.of() : names;
    locales = locales == null ? List.of() : locales;
  }
}
