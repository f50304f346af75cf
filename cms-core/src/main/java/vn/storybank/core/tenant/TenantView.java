package vn.storybank.core.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.storybank.core.tenant.TenantInput.LocaleInput;

/** A tenant as the API shows it. */
public record TenantView(
    String code,
    Map<String, String> names,
    String sourceLocale,
    List<LocaleInput> locales,
    String timeZone,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  static TenantView of(Tenant tenant) {
    return new TenantView(
        tenant.code(),
        new java.util.LinkedHashMap<>(tenant.names()),
        tenant.sourceLocale(),
        tenant.locales().stream().map(l -> new LocaleInput(l.locale(), l.fallbacks())).toList(),
        tenant.timeZone(),
        tenant.version(),
        tenant.audit().createdAt(),
        tenant.audit().updatedAt());
  }

  /** The locale itself, then its fallbacks, then the source locale: each once. */
  public List<String> fallbackChain(String locale) {
    return chain(
        locale,
        locales.stream()
            .filter(l -> l.tag().equals(locale))
            .findFirst()
            .map(LocaleInput::fallbacks)
            .orElse(List.of()),
        sourceLocale);
  }

  static List<String> chain(String locale, List<String> fallbacks, String sourceLocale) {
    java.util.LinkedHashSet<String> chain = new java.util.LinkedHashSet<>();
    chain.add(locale);
    chain.addAll(fallbacks);
    chain.add(sourceLocale);
    return List.copyOf(chain);
  }
}
