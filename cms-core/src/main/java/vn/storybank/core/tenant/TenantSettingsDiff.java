package vn.storybank.core.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a change of a tenant's settings changed, as the audit row's detail: the locales added and
 * removed, each locale's fallbacks before and after, the source locale, names and time zone.
 */
final class TenantSettingsDiff {
  private TenantSettingsDiff() {}

  /** {@code before} is null for a new tenant: then the settings it starts with. */
  static String of(TenantView before, TenantView after) {
    if (before == null) {
      return "locales "
          + tags(after)
          + ", fallbacks "
          + fallbacks(after)
          + ", source "
          + after.sourceLocale()
          + ", time zone "
          + after.timeZone();
    }
    List<String> changes = new ArrayList<>();
    Set<String> added = new LinkedHashSet<>(tags(after));
    added.removeAll(tags(before));
    Set<String> removed = new LinkedHashSet<>(tags(before));
    removed.removeAll(tags(after));
    if (!added.isEmpty()) {
      changes.add("locales added " + added);
    }
    if (!removed.isEmpty()) {
      changes.add("locales removed " + removed);
    }
    Map<String, List<String>> was = fallbacks(before);
    fallbacks(after)
        .forEach(
            (tag, now) -> {
              List<String> then = was.get(tag);
              if (then != null && !then.equals(now)) {
                changes.add("fallbacks of " + tag + " " + then + " -> " + now);
              }
            });
    if (!Objects.equals(before.sourceLocale(), after.sourceLocale())) {
      changes.add("source " + before.sourceLocale() + " -> " + after.sourceLocale());
    }
    if (!Objects.equals(before.names(), after.names())) {
      changes.add("names " + before.names() + " -> " + after.names());
    }
    if (!Objects.equals(before.timeZone(), after.timeZone())) {
      changes.add("time zone " + before.timeZone() + " -> " + after.timeZone());
    }
    return changes.isEmpty() ? "settings unchanged" : String.join("; ", changes);
  }

  private static List<String> tags(TenantView view) {
    return view.locales().stream().map(TenantInput.LocaleInput::tag).toList();
  }

  private static Map<String, List<String>> fallbacks(TenantView view) {
    Map<String, List<String>> fallbacks = new LinkedHashMap<>();
    view.locales().forEach(l -> fallbacks.put(l.tag(), l.fallbacks()));
    return fallbacks;
  }
}
