package vn.storybank.core.channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A channel as the API shows it. */
public record ChannelView(
    UUID id,
    String tenant,
    String code,
    String name,
    String access,
    List<ChannelInput.LocaleInput> locales,
    ChannelInput.Filter filter,
    Map<String, String> presets,
    List<String> formats,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public boolean isPublic() {
    return "public".equals(access);
  }

  public String defaultLocale() {
    return locales.get(0).tag();
  }

  /** The channel's settings for a locale, or empty when it does not serve that locale. */
  public java.util.Optional<ChannelInput.LocaleInput> locale(String tag) {
    return locales.stream().filter(l -> l.tag().equals(tag)).findFirst();
  }

  /** The locale itself, then its fallbacks (none when the locale is translated items only). */
  public List<String> chain(String tag) {
    return locale(tag)
        .map(
            l -> {
              java.util.List<String> chain = new java.util.ArrayList<>();
              chain.add(l.tag());
              if (!l.translatedOnly()) {
                l.fallbacks().stream().filter(f -> !chain.contains(f)).forEach(chain::add);
              }
              return List.copyOf(chain);
            })
        .orElse(List.of());
  }

  public boolean offers(String format) {
    return formats.contains(format);
  }

  public String preset(String role, String otherwise) {
    return presets.getOrDefault(role, otherwise);
  }
}
