package vn.storybank.core.channel;

import java.util.List;
import java.util.Map;

/**
 * A channel as a client writes it.
 *
 * @param access {@code public} or {@code key} (partners need an API key)
 * @param locales the locales served, the first being the channel's default
 * @param presets the rendition preset per image role ({@code hero}, {@code card}, {@code thumb})
 * @param formats what the channel offers: {@code jsonfeed}, {@code ninjs}, {@code atom}, {@code
 *     sync}, {@code playlist}
 */
public record ChannelInput(
    String name,
    String access,
    List<LocaleInput> locales,
    Filter filter,
    Map<String, String> presets,
    List<String> formats) {

  public ChannelInput {
    locales = locales == null ? List.of() : locales;
    filter = filter == null ? new Filter(null, null, null, null) : filter;
    presets = presets == null ? Map.of() : presets;
    formats = formats == null ? List.of() : formats;
  }

  /**
   * @param fallbacks the locales tried after this one when an entry has no published translation in
   *     it (the tenant's source locale is not added: a channel says exactly what it wants)
   * @param translatedOnly show only entries translated into this locale
   */
  public record LocaleInput(String tag, List<String> fallbacks, Boolean translatedOnly) {
    public LocaleInput {
      fallbacks = fallbacks == null ? List.of() : fallbacks;
      translatedOnly = Boolean.TRUE.equals(translatedOnly);
    }
  }

  /**
   * Which entries the channel carries; an empty list does not restrict. An entry must match every
   * non-empty list, and one value of each.
   *
   * @param types entry types: {@code story}, {@code product}, {@code media}, {@code collection}
   * @param kinds story kinds, product groups, media types or collection purposes
   * @param pillars image-pillar term codes
   * @param topics topic term codes
   */
  public record Filter(
      List<String> types, List<String> kinds, List<String> pillars, List<String> topics) {
    public Filter {
      types = types == null ? List.of() : types;
      kinds = kinds == null ? List.of() : kinds;
      pillars = pillars == null ? List.of() : pillars;
      topics = topics == null ? List.of() : topics;
    }
  }
}
