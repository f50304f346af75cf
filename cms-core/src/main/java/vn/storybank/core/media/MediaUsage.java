package vn.storybank.core.media;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import vn.storybank.core.entry.EntryQueries;
import vn.storybank.core.entry.Translation;

/**
 * An entry that links a media asset: its id and type, the link's role ({@code heroMedia}, {@code
 * media}, {@code items}, {@code poster}) and its title per locale (a media record without a title:
 * its caption), so that a list of usages reads without loading each entry.
 */
public record MediaUsage(UUID id, String type, String role, Map<String, String> titles) {
  /** How many links one answer lists: more than any screen shows at once. */
  static final int LIMIT = 500;

  static MediaUsage of(EntryQueries.LinkFrom link) {
    Map<String, String> titles = new TreeMap<>();
    for (Translation t : link.entry().translations().values()) {
      String title = t.title() != null ? t.title() : t.text().caption();
      if (title != null) {
        titles.put(t.locale(), title);
      }
    }
    return new MediaUsage(link.entry().id(), link.entry().entryType().code(), link.role(), titles);
  }
}
