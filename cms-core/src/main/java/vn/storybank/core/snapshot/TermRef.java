package vn.storybank.core.snapshot;

import java.util.List;
import java.util.Map;
import vn.storybank.core.taxonomy.TermKind;

/**
 * A taxonomy term as an entry carries it.
 *
 * @param ancestors the codes of the term's ancestors, root first (places form a tree)
 */
public record TermRef(
    TermKind kind, String code, List<String> ancestors, Map<String, String> labels) {
  /** The label in the first of these locales that has one, else the code. */
  public String label(List<String> locales) {
    for (String locale : locales) {
      String label = labels.get(locale);
      if (label != null) {
        return label;
      }
    }
    return code;
  }
}
